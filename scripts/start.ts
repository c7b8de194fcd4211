// Runs in Node: `npm start`. Serves VS Code for the browser (code-server, 127.0.0.1 only) on the example snapshots with
// the extension under development loaded, and prints the URL to open. Ctrl+C stops it.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_SERVER, freePort, ROOT } from '../test/integration/launch.js';

const port = Number(process.env.PORT) || (await freePort());
const base = mkdtempSync(join(tmpdir(), 'design-snapshot-'));
const workspace = join(base, 'examples');
// A copy, so trying things out never changes the repository's examples.
cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
const server = spawn(
  process.execPath,
  [CODE_SERVER, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', join(base, 'user-data'), '--extensions-dir', join(base, 'extensions'), '--disable-telemetry', '--disable-update-check', workspace],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${ROOT}`], ['skipWelcome', 'true']];
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
for (let i = 0; i < 300; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
  } catch {
    // Still starting.
  }
  await new Promise((r) => setTimeout(r, 200));
}
console.log(`\nDesign Snapshot is running in VS Code for the browser, on the example snapshots:\n\n  ${url}\n\nOpen a file under docs/design, or run "Design Snapshot: New Design Snapshot" from the Command Palette (F1). Ctrl+C stops it.\n`);
const stop = (): void => {
  server.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
