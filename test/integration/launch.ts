// Runs in Node: runs the integration suite in a real VS Code offline. Starts code-server (VS Code 1.100 for the browser)
// on 127.0.0.1, opens it in headless Chromium with the extension under development and the test runner in the page's
// payload, and waits for the runner's results file. Usage: launch.ts [--restricted]
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CODE_SERVER = join(ROOT, '.vscode-test/code-server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => res(port));
    });
  });
}

/** Resolves once the server answers its health check; the server says when it is ready by answering. */
async function waitForServer(port: number, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  server.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error('code-server exited before it was ready');
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) return;
    } catch {
      // Not listening yet: wait for the next tick of the server's start-up.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer on port ${port} within ${timeoutMs} ms`);
}

export interface Harness {
  port: number;
  url: (payload?: Array<[string, string]>) => string;
  browser: Browser;
  workspace: string;
  stop: () => Promise<void>;
  log: () => string;
}

/**
 * Starts code-server on a copy of `fixture` and a headless Chromium; `trusted` false leaves Restricted Mode on.
 * `extensions`: folders of unpacked extensions installed beside the one under development (code-server takes one
 * development path only), such as the benchmark's empty panel.
 */
/** Starts code-server on the fixture's copy; `settings` are the user settings it starts with. */
export async function startHarness(fixture: string, trusted: boolean, extensions: string[] = [], settings: object = {}): Promise<Harness> {
  if (!existsSync(CODE_SERVER)) throw new Error(`code-server is not installed: run scripts/setup-code-server.sh (looked for ${CODE_SERVER})`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
  const base = mkdtempSync(join(tmpdir(), 'ds-vscode-'));
  const workspace = join(base, 'workspace');
  cpSync(fixture, workspace, { recursive: true });
  for (const dir of extensions) {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
    cpSync(dir, join(base, 'extensions', `${manifest.publisher}.${manifest.name}-${manifest.version}`), { recursive: true });
  }
  mkdirSync(join(base, 'user-data', 'User'), { recursive: true });
  writeFileSync(join(base, 'user-data', 'User', 'settings.json'), JSON.stringify(settings));
  const port = await freePort();
  const args = [
    CODE_SERVER,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', join(base, 'user-data'),
    '--extensions-dir', join(base, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    ...(trusted ? ['--disable-workspace-trust'] : []),
    workspace,
  ];
  let output = '';
  const server = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitForServer(port, server, 60_000);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const remote = (p: string): string => `vscode-remote://127.0.0.1:${port}${p}`;
  return {
    port,
    workspace,
    browser,
    url: (payload = []) =>
      `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(
        JSON.stringify([...payload.map(([k, v]) => [k, v.startsWith('/') ? remote(v) : v]), ['skipWelcome', 'true']]),
      )}`,
    log: () => output,
    stop: async () => {
      await browser.close().catch(() => undefined);
      server.kill('SIGTERM');
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Resolves when `file` exists (watching its folder), or rejects after `timeoutMs`. */
export function waitForFile(file: string, timeoutMs: number, failed: () => string | undefined): Promise<void> {
  return new Promise((res, rej) => {
    const dir = resolve(file, '..');
    const done = (err?: Error): void => {
      watcher.close();
      clearInterval(poll);
      clearTimeout(timer);
      if (err) rej(err);
      else res();
    };
    const watcher = watch(dir, () => {
      if (existsSync(file)) done();
    });
    // The extension host can also die without writing results: check the server's log for that event.
    const poll = setInterval(() => {
      const why = failed();
      if (existsSync(file)) done();
      else if (why) done(new Error(why));
    }, 500);
    const timer = setTimeout(() => done(new Error(`no results in ${file} after ${timeoutMs} ms`)), timeoutMs);
    if (existsSync(file)) done();
  });
}

async function runSuite(trusted: boolean): Promise<number> {
  const mode = trusted ? 'trusted' : 'restricted';
  const results = join(ROOT, 'test-results', `integration-${mode}.json`);
  rmSync(results, { force: true });
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const fixture = join(ROOT, 'test/fixtures', trusted ? 'workspace' : 'workspace-restricted');
  const h = await startHarness(fixture, trusted);
  try {
    const page = await h.browser.newPage();
    await page.goto(h.url([['extensionDevelopmentPath', ROOT], ['extensionTestsPath', join(ROOT, 'out/test/index.cjs')]]));
    await waitForFile(results, 300_000, () => (/Extension Host Process exited with code/.test(h.log()) && !existsSync(results) ? `the extension host exited:\n${h.log().slice(-3000)}` : undefined));
    const report = JSON.parse(readFileSync(results, 'utf8')) as { activationMs?: number; results: Array<{ title: string; state: string; error?: string }> };
    for (const r of report.results) console.log(`${r.state === 'passed' ? '✔' : '✖'} [${mode}] ${r.title}${r.error ? `\n    ${r.error.split('\n').slice(0, 6).join('\n    ')}` : ''}`);
    const failed = report.results.filter((r) => r.state !== 'passed').length;
    console.log(`integration (${mode}): ${report.results.length - failed} passed, ${failed} failed; activate() took ${report.activationMs?.toFixed(1) ?? '?'} ms`);
    if (report.results.length === 0) return 1;
    return failed;
  } finally {
    await h.stop();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const modes = process.argv.includes('--restricted') ? [false] : process.argv.includes('--trusted') ? [true] : [true, false];
  let failures = 0;
  for (const trusted of modes) failures += await runSuite(trusted);
  process.exitCode = failures ? 1 : 0;
}
