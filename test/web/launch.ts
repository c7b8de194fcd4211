// Runs in Node: the web integration suite, offline. Starts code-server (VS Code 1.100 for the browser) on 127.0.0.1
// and opens it in headless Chromium on a virtual workspace (scheme dsmem, as github.dev serves a repository) with the
// extension under development. The user setting remote.extensionKind = ["web"] puts the extension in VS Code's web
// worker extension host (in the browser, as on vscode.dev) instead of code-server's Node one: it loads its `browser`
// entry, dist/web/extension.js. A harness extension (test/web/memfs, web-only) serves the workspace from memory and
// carries the suite as runner.js: VS Code runs a test runner in the host of the extension whose folder holds it, and
// loads it as CommonJS only outside our "type": "module" package. The suite writes its results to test-results/.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, startHarness, waitForFile } from '../integration/launch.js';

/** Every file under `dir`, by path relative to it with "/" separators. */
function files(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) Object.assign(out, files(p, base));
    else out[relative(base, p).split('\\').join('/')] = readFileSync(p, 'utf8');
  }
  return out;
}

/**
 * The harness extension, unpacked: the memfs extension, the workspace it serves (`fixture`'s files under /workspace),
 * and as runner.js the test runner (the suite, or the activation bench's probe).
 */
export function harnessExtension(fixture: string, runner = join(ROOT, 'out/test-web/index.js')): string {
  const dir = mkdtempSync(join(tmpdir(), 'ds-memfs-'));
  writeFileSync(join(dir, 'package.json'), readFileSync(join(ROOT, 'test/web/memfs/package.json')));
  writeFileSync(join(dir, 'extension.js'), readFileSync(join(ROOT, 'out/test-web/memfs.js')));
  writeFileSync(join(dir, 'runner.js'), readFileSync(runner));
  const workspace = Object.fromEntries(Object.entries(files(fixture)).map(([p, text]) => [`/workspace/${p}`, text]));
  writeFileSync(join(dir, 'fixture.json'), JSON.stringify(workspace));
  return dir;
}

/** Runs the web suite; returns the number of failures. */
export async function runWebSuite(): Promise<number> {
  for (const f of ['dist/web/extension.js', 'dist/web/mermaid-worker.js', 'out/test-web/index.js', 'out/test-web/memfs.js']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is not built: run npm run build`);
  }
  const results = join(ROOT, 'test-results', 'integration-web.json');
  rmSync(results, { force: true });
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const harness = harnessExtension(join(ROOT, 'test/fixtures/web-workspace'));
  const manifest = JSON.parse(readFileSync(join(harness, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const h = await startHarness(join(ROOT, 'test/fixtures/web-workspace'), true, [harness], { 'remote.extensionKind': { 'design-snapshot.design-snapshot': ['web'] } });
  // Where startHarness installed it: beside the workspace's copy.
  const runner = join(dirname(h.workspace), 'extensions', `${manifest.publisher}.${manifest.name}-${manifest.version}`, 'runner.js');
  let console_ = '';
  try {
    const page = await h.browser.newPage();
    page.on('console', (m) => (console_ += `${m.type()}: ${m.text()}\n`));
    page.on('pageerror', (e) => (console_ += `pageerror: ${e.message}\n`));
    const url = new URL(h.url([['extensionDevelopmentPath', ROOT], ['extensionTestsPath', runner]]));
    url.searchParams.set('folder', 'dsmem:/workspace');
    await page.goto(url.toString());
    // The web worker host's end is not in the server's log: a run that never reports is caught by the timeout.
    // A test runner that cannot start says so in the page's console (no host for it, or its module refused).
    const failedToStart = /No extension host found that can launch the test runner|\$extensionTestsExecute/;
    await waitForFile(results, 300_000, () => (failedToStart.test(console_) ? `the test runner did not start:\n${console_.slice(-3000)}` : undefined));
    const report = JSON.parse(readFileSync(results, 'utf8')) as { activationMs?: number; results: Array<{ title: string; state: string; error?: string }> };
    for (const r of report.results) console.log(`${r.state === 'passed' ? '✔' : '✖'} [web] ${r.title}${r.error ? `\n    ${r.error.split('\n').slice(0, 6).join('\n    ')}` : ''}`);
    const failed = report.results.filter((r) => r.state !== 'passed').length;
    console.log(`integration (web): ${report.results.length - failed} passed, ${failed} failed; activate() took ${report.activationMs?.toFixed(1) ?? '?'} ms`);
    return report.results.length === 0 ? 1 : failed;
  } catch (e) {
    console.error(`browser console (last lines):\n${console_.split('\n').slice(-60).join('\n')}`);
    throw e;
  } finally {
    if (process.env.DS_WEB_CONSOLE) writeFileSync(join(ROOT, 'test-results', 'web-console.log'), console_);
    await h.stop();
    rmSync(harness, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = (await runWebSuite()) ? 1 : 0;
}
