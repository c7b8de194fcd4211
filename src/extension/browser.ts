// Runs in the web extension host (a browser's web worker: vscode.dev, github.dev, VS Code for the Web): the `browser`
// entry. No Node here: files go through vscode.workspace.fs, and mermaid's parser runs DOM-free in a Web Worker of
// its own (dist/web/mermaid-worker.js, src/extension/mermaid-web-worker.ts). Everything else is activate.ts.
import * as vscode from 'vscode';
import { activateWith, type DesignSnapshotApi } from './activate.js';
import type { Platform } from './platform.js';

export type { DesignSnapshotApi } from './activate.js';

/** The Web Worker API, which the extension host's type definitions (Node's) do not describe. */
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
  onmessageerror: (() => void) | null;
}
type WorkerConstructor = new (url: string, options?: { name?: string }) => WebWorker;

/**
 * The worker's code: read like any resource of the extension (the extension may live on https, on a remote or in
 * the file system), else fetched by URL. It starts from a blob: URL of the extension host's own origin, which a web
 * worker may always start, wherever the extension is served from.
 */
async function workerCode(uri: vscode.Uri): Promise<string> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (readError) {
    const response = await fetch(uri.toString(true)).catch((e: unknown) => {
      throw new Error(`cannot read ${uri.toString(true)}: ${readError instanceof Error ? readError.message : String(readError)}; fetch: ${e instanceof Error ? e.message : String(e)}`);
    });
    if (!response.ok) throw new Error(`cannot fetch ${uri.toString(true)}: HTTP ${response.status}`);
    return response.text();
  }
}

const web: Platform = {
  kind: 'web',
  async startMermaidWorker(extensionUri) {
    const Worker = (globalThis as { Worker?: WorkerConstructor }).Worker;
    if (!Worker) throw new Error('this extension host cannot start Web Workers');
    const uri = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'mermaid-worker.js');
    const url = URL.createObjectURL(new Blob([await workerCode(uri)], { type: 'text/javascript' }));
    const w = new Worker(url, { name: 'Design Snapshot mermaid-syntax' });
    return {
      source: `Web Worker ${uri.toString(true)}`,
      post: (m) => w.postMessage(m),
      onMessage: (fn) => {
        w.onmessage = (e) => fn(e.data);
      },
      onError: (fn) => {
        w.onerror = (e) => {
          e.preventDefault?.();
          fn(new Error(e.message ?? 'the Web Worker failed'));
        };
        // A message that cannot be read on this side fails like an error, not by timing out.
        w.onmessageerror = () => fn(new Error('a message from the Web Worker could not be read'));
      },
      terminate: () => {
        w.terminate();
        URL.revokeObjectURL(url);
      },
    };
  },
  // A browser does not say who is at the keyboard: the template's author placeholder stays for the author to fill in.
  author: () => undefined,
};

export function activate(context: vscode.ExtensionContext): DesignSnapshotApi {
  return activateWith(context, web);
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
