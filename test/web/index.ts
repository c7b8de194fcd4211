// Runs in VS Code's web worker extension host (a browser, as on vscode.dev): VS Code calls run() after starting the
// extension under test. It runs the web suite with mocha's browser build and writes the results where the harness
// (test/web/launch.ts) waits for them.
import * as vscode from 'vscode';

interface Result {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
  durationMs?: number;
}

interface MochaRunner {
  on(event: 'pass', fn: (t: { fullTitle(): string; duration?: number }) => void): void;
  on(event: 'fail', fn: (t: { fullTitle(): string }, err: Error) => void): void;
}
interface BrowserMocha {
  setup(options: { ui: 'bdd'; reporter: unknown; timeout: number; color?: boolean }): void;
  run(done: (failures: number) => void): MochaRunner;
}

export async function run(): Promise<void> {
  // mocha's browser build is a UMD script that sets the global `mocha` (its module exports are lost in the bundle:
  // mocha's package is "type": "module", so esbuild wraps the script as an ES module with no exports).
  await import('mocha/mocha.js');
  const mocha = (globalThis as { mocha?: BrowserMocha }).mocha;
  if (!mocha) throw new Error("mocha's browser build did not define the global mocha");
  // No HTML reporter in a worker: the results go to the harness instead.
  mocha.setup({ ui: 'bdd', reporter: function Silent() {}, timeout: 60_000 });
  // The suites call describe() and it(), which setup() has just defined.
  await import('./suite/all.js');
  const results: Result[] = [];
  const failures = await new Promise<number>((done) => {
    const runner = mocha.run((n) => done(n));
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 }));
    runner.on('fail', (t, err) => results.push({ title: t.fullTitle(), state: 'failed', error: `${err.message}\n${err.stack ?? ''}` }));
  });
  // Beside the desktop suite's results, in the repository's test-results/ (the extension under development is the
  // repository, reached through the remote file system); written under a temporary name, renamed when complete.
  const ext = vscode.extensions.getExtension('design-snapshot.design-snapshot');
  if (!ext) throw new Error('the extension under test is not installed');
  const dir = vscode.Uri.joinPath(ext.extensionUri, 'test-results');
  const file = vscode.Uri.joinPath(dir, 'integration-web.json');
  const tmp = vscode.Uri.joinPath(dir, 'integration-web.json.tmp');
  // How long activate() took in this host (the desktop suite records the same), for bench/RESULTS.md.
  const activation = (ext.exports as { activation?: { startMs: number; endMs: number } } | undefined)?.activation;
  const activationMs = activation ? activation.endMs - activation.startMs : undefined;
  await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(JSON.stringify({ mode: 'web', failures, activationMs, results }, null, 2)));
  await vscode.workspace.fs.rename(tmp, file, { overwrite: true });
  if (failures > 0) throw new Error(`${failures} web integration test(s) failed`);
}
