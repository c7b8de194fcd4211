// Runs inside the VS Code extension host (code-server or @vscode/test-electron): VS Code calls run() after activating the
// extension. It runs the mocha suite and writes the results to test-results/, where the launcher reads them.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';

interface Result {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
  durationMs?: number;
}

export async function run(): Promise<void> {
  // mocha stays outside the bundle (it loads its own files); out/test sits two levels under the repository root.
  // mocha 12 is an ES module; require() of it (Node 20.19+) gives its namespace, with the class under Mocha.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- mocha must load from node_modules at run time, not from the bundle
  const ns = require('mocha') as { Mocha?: typeof import('mocha') } & typeof import('mocha');
  const Mocha = ns.Mocha ?? ns;
  const mode = vscode.workspace.isTrusted ? 'trusted' : 'restricted';
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, grep: /@restricted/, invert: mode === 'trusted' });
  mocha.addFile(join(__dirname, 'suite.cjs'));
  const results: Result[] = [];
  const failures = await new Promise<number>((done) => {
    const runner = mocha.run((n) => done(n));
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 }));
    runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', error: `${err.message}\n${err.stack ?? ''}` }));
  });
  const dir = resolve(__dirname, '..', '..', 'test-results');
  mkdirSync(dir, { recursive: true });
  // Written under a temporary name and renamed: the launcher watches for the final name and must never read half a file.
  const file = join(dir, `integration-${mode}.json`);
  // How long activate() took in this host (the web suite records the same), for bench/RESULTS.md.
  const activation = (vscode.extensions.getExtension('design-snapshot.design-snapshot')?.exports as { activation?: { startMs: number; endMs: number } } | undefined)?.activation;
  const activationMs = activation ? activation.endMs - activation.startMs : undefined;
  writeFileSync(`${file}.tmp`, JSON.stringify({ mode, failures, activationMs, results }, null, 2));
  renameSync(`${file}.tmp`, file);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
