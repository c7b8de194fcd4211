// Runs in the VS Code extension host: mermaid's parser behind a worker (a worker thread on the desktop, a Web Worker in
// the browser), started on the first diagram.
import type { ExtensionLog } from './log.js';
import type { MermaidWorkerPort } from './platform.js';
import type { MermaidErrorDetails, MermaidParse } from '../core/index.js';

/** A parse function backed by a worker; the worker starts on first use, restarts after a failure, and ends on dispose. */
export function mermaidInWorker(startWorker: () => Promise<MermaidWorkerPort>, log: ExtensionLog): { parse: MermaidParse; dispose: () => void } {
  let worker: Promise<MermaidWorkerPort> | undefined;
  let disposed = false;
  let next = 0;
  const pending = new Map<number, { resolve: () => void; reject: (e: Error | MermaidErrorDetails) => void }>();
  const failAll = (e: Error): void => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  const start = (): Promise<MermaidWorkerPort> =>
    (worker ??= startWorker().then(
      (w) => {
        log.info(`Started the mermaid-syntax worker (${w.source}).`);
        w.onMessage((message) => {
          const m = message as { id: number; error?: MermaidErrorDetails };
          const p = pending.get(m.id);
          pending.delete(m.id);
          if (m.error === undefined) p?.resolve();
          // The checker reads message, hash and position from the details as from mermaid's own error.
          else p?.reject(m.error);
        });
        w.onError((e) => {
          log.error('The mermaid-syntax worker failed; it restarts on the next diagram', e);
          failAll(e);
          worker = undefined;
        });
        if (disposed) w.terminate();
        return w;
      },
      (e: unknown) => {
        // Could not start (no worker support, its code unreadable): said once per try; the next diagram tries again.
        log.error('Could not start the mermaid-syntax worker; diagrams are not checked until it starts', e);
        worker = undefined;
        throw e;
      },
    ));
  return {
    parse: async (diagram) => {
      const w = await start();
      return new Promise<void>((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        w.post({ id, diagram });
      });
    },
    dispose: () => {
      disposed = true;
      failAll(new Error('the extension was deactivated'));
      void worker?.then((w) => w.terminate(), () => undefined);
    },
  };
}
