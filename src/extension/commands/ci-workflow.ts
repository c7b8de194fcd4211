// Runs in the VS Code extension host: "Design Snapshot: Add CI Workflow" writes a GitHub Actions workflow that lints
// the snapshot folder with the CLI (the same engine and config as the editor) and uploads SARIF to code scanning.
import * as vscode from 'vscode';
import { readSettings } from '../settings.js';

export const CI_WORKFLOW_PATH = '.github/workflows/design-snapshot.yml';

/** The workflow for a snapshot folder (relative to the repository root). */
export function ciWorkflow(folder: string): string {
  const dir = JSON.stringify(folder);
  return `# Lints the design snapshots with the same rules and config as the Design Snapshot extension.
name: Design snapshots
on: [push, pull_request]
permissions:
  contents: read
  security-events: write
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 20 }
      - run: npx --yes design-snapshot lint ${dir} --format sarif > design-snapshot.sarif
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with: { sarif_file: design-snapshot.sarif }
`;
}

/** Writes the workflow into the first workspace folder, never over an existing file, and opens it. */
export async function addCiWorkflow(): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Design Snapshot: open the folder of your repository first; the workflow goes into its .github/workflows.'));
    return undefined;
  }
  const uri = vscode.Uri.joinPath(folder.uri, CI_WORKFLOW_PATH);
  const exists = await vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(ciWorkflow(readSettings(folder.uri).folder)));
  } else {
    void vscode.window.showInformationMessage(vscode.l10n.t('Design Snapshot: {0} already exists; it is left as it is.', CI_WORKFLOW_PATH));
  }
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}
