// Runs inside a VS Code extension host, desktop (Node) or web (the browser's web worker), loaded as the test runner by
// bench/activation.ts: opens a snapshot, as a user does (the extension activates on onLanguage:markdown), and writes
// how long the extension's activate() took in this host. One activation per extension host: the driver starts a
// fresh host for each sample.
import * as vscode from 'vscode';
import type { DesignSnapshotApi } from '../../src/extension/activate.js';
import type { ActivationSample } from '../activation.js';

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<DesignSnapshotApi>('design-snapshot.design-snapshot');
  if (!ext) throw new Error('the extension under test is not installed');
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the activation bench needs a workspace folder');
  const activeBefore = ext.isActive;
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'docs', 'design', 'fraud-draft.md')));
  // The activation the open document started (or the one already done): activate() returns the same promise.
  const api = await ext.activate();
  const sample: ActivationSample = { platform: api.platform, activateMs: api.activation.endMs - api.activation.startMs, activeBefore };
  // Beside the extension (the repository, reached through the remote file system in either host); whole or not at all.
  const dir = vscode.Uri.joinPath(ext.extensionUri, 'bench', '.tmp');
  const file = vscode.Uri.joinPath(dir, `activation-${api.platform}.json`);
  const tmp = vscode.Uri.joinPath(dir, `activation-${api.platform}.json.tmp`);
  await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(JSON.stringify(sample)));
  await vscode.workspace.fs.rename(tmp, file, { overwrite: true });
}
