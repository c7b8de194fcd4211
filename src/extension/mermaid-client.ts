// Runs in the VS Code extension host: mermaid's parser behind a worker (a worker thread on the desktop, a Web Worker in
// the browser), started on the first diagram, each diagram within a time budget.
import { BudgetedWorker } from './budgeted-worker.js';
import type { ExtensionLog } from './log.js';
import type { MermaidWorkerPort } from './platform.js';
import type { MermaidErrorDetails, MermaidParse } from '../core/index.js';

/** How long one diagram may take to parse: real diagrams take milliseconds; past this, the worker is ended. */
export const MERMAID_BUDGET_MS = 5000;
/** Extra time for the first diagram of a fresh worker, which loads mermaid. */
export const MERMAID_START_ALLOWANCE_MS = 10_000;

/**
 * A parse function backed by a worker; the worker starts on first use, restarts after a failure, and ends on
 * dispose. A diagram over the budget is reported as not checked, and the next diagram gets a fresh worker.
 */
export function mermaidInWorker(startWorker: () => Promise<MermaidWorkerPort>, log: ExtensionLog, budgetMs = MERMAID_BUDGET_MS): { parse: MermaidParse; dispose: () => void } {
  let next = 0;
  const worker = new BudgetedWorker<void>(
    startWorker,
    'mermaid-syntax',
    budgetMs,
    log,
    (m) => {
      // The checker reads message, hash and position from the details as from mermaid's own error.
      const { error } = m as { id: number; error?: MermaidErrorDetails };
      return error === undefined ? { value: undefined } : { error };
    },
    // A fresh worker loads mermaid (and on the desktop its DOM) on its first diagram: about a second, more when busy.
    MERMAID_START_ALLOWANCE_MS,
  );
  return {
    parse: (diagram) => worker.request({ id: next++, diagram }),
    dispose: () => worker.dispose(),
  };
}
