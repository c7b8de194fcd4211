// Runs in the desktop VS Code extension host (Node): the `main` entry. Mermaid's parser runs in a worker thread on
// happy-dom's DOM (dist/mermaid-worker.cjs); everything else is activate.ts, shared with the web entry (browser.ts).
import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { activateWith, type DesignSnapshotApi } from './activate.js';
import type { Platform, WorkerPort } from './platform.js';

export type { DesignSnapshotApi } from './activate.js';

/** A worker thread running one of the extension's bundles. */
function workerThread(file: string): WorkerPort {
  const w = new Worker(file);
  return {
    source: `worker thread ${file}`,
    post: (m) => w.postMessage(m),
    onMessage: (fn) => void w.on('message', fn),
    // A message that cannot be read on this side (a tree too deep to rebuild) fails like an error, not by timing out.
    onError: (fn) => void w.on('error', fn).on('messageerror', fn),
    terminate: () => void w.terminate(),
  };
}

const desktop: Platform = {
  kind: 'desktop',
  // In a worker thread, the DOM globals mermaid needs never leak into the extension host that other extensions share.
  startMermaidWorker: async (extensionUri) => workerThread(vscode.Uri.joinPath(extensionUri, 'dist', 'mermaid-worker.cjs').fsPath),
  startMarkdownWorker: async (extensionUri) => workerThread(vscode.Uri.joinPath(extensionUri, 'dist', 'markdown-worker.cjs').fsPath),
  gitUserName: (dir) =>
    new Promise((resolve) => {
      // `git config --get` reads the repository's config and the user's; it runs no hooks.
      execFile('git', ['config', '--get', 'user.name'], { cwd: dir.fsPath, timeout: 3000, windowsHide: true }, (err, stdout) => resolve(err ? undefined : stdout.trim() || undefined));
    }),
  author() {
    try {
      return userInfo().username || undefined;
    } catch {
      return undefined;
    }
  },
};

export function activate(context: vscode.ExtensionContext): DesignSnapshotApi {
  return activateWith(context, desktop);
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
