// Runs in the VS Code extension host: mermaid's parser behind a worker thread, started on the first diagram.
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { ExtensionLog } from './log.js';
import type { MermaidErrorDetails, MermaidParse } from '../core/index.js';

/** A parse function backed by dist/mermaid-worker.cjs; the worker starts on first use and is ended on dispose. */
export function mermaidInWorker(extensionUri: vscode.Uri, log: ExtensionLog): { parse: MermaidParse; dispose: () => void } {
  let worker: Worker | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: () => void; reject: (e: Error | MermaidErrorDetails) => void }>();
  const start = (): Worker => {
    if (worker) return worker;
    const file = vscode.Uri.joinPath(extensionUri, 'dist', 'mermaid-worker.cjs').fsPath;
    log.info(`Starting the mermaid-syntax worker thread (${file}).`);
    const w = new Worker(file);
    w.on('message', (m: { id: number; error?: MermaidErrorDetails }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error === undefined) p?.resolve();
      // The checker reads message, hash and position from the details as from mermaid's own error.
      else p?.reject(m.error);
    });
    w.on('error', (e) => {
      log.error('The mermaid-syntax worker failed; it restarts on the next diagram', e);
      for (const p of pending.values()) p.reject(e);
      pending.clear();
      worker = undefined;
    });
    worker = w;
    return w;
  };
  return {
    parse: (diagram) =>
      new Promise<void>((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        start().postMessage({ id, diagram });
      }),
    dispose: () => void worker?.terminate(),
  };
}
