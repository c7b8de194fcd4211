// Runs in the VS Code extension host, during `npm run bench` only: the baseline for the preview's first render —
// a webview panel beside the editor, as the Diagram Preview opens, with nothing in it but a marker.
const vscode = require('vscode');

exports.activate = (context) => {
  context.subscriptions.push(
    vscode.commands.registerCommand('designSnapshotBench.openEmptyPanel', () => {
      const panel = vscode.window.createWebviewPanel('designSnapshotBench.empty', 'Empty', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false });
      panel.webview.html = `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p id="empty-panel">An empty webview panel.</p></body></html>`;
    }),
  );
};
