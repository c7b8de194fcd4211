// Runs in the VS Code extension host: the Markdown parse of large or odd documents, in a worker with a time budget.
import type { Root } from 'mdast';
import { BudgetedWorker } from './budgeted-worker.js';
import type { ExtensionLog } from './log.js';
import type { WorkerPort } from './platform.js';

/** How long a parse may take: a 100 KB design doc parses in about 50 ms; past this the document is not analyzed. */
export const MARKDOWN_BUDGET_MS = 3000;

/** A parse function backed by a worker (dist/markdown-worker.cjs on the desktop), started on first use, ended on dispose. */
export function markdownInWorker(startWorker: () => Promise<WorkerPort>, log: ExtensionLog, budgetMs = MARKDOWN_BUDGET_MS): { parse: (text: string) => Promise<Root>; dispose: () => void } {
  let next = 0;
  const worker = new BudgetedWorker<Root>(startWorker, 'Markdown parser', budgetMs, log, (m) => {
    const { tree, error } = m as { tree?: Root; error?: string };
    return tree ? { value: tree } : { error: new Error(error ?? 'no tree') };
  });
  return { parse: (text) => worker.request({ id: next++, text }), dispose: () => worker.dispose() };
}
