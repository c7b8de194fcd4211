// Runs in Node: the same integration suite in desktop VS Code through @vscode/test-electron. It downloads VS Code from
// Microsoft, so it needs network access; offline machines run `npm run test:integration` (code-server) instead.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from './launch.js';

const workspace = join(mkdtempSync(join(tmpdir(), 'ds-electron-')), 'workspace');
cpSync(join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
await runTests({
  extensionDevelopmentPath: ROOT,
  extensionTestsPath: join(ROOT, 'out/test/index.cjs'),
  launchArgs: [workspace, '--disable-workspace-trust', '--disable-extensions'],
});
