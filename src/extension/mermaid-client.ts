// Runs in the VS Code extension host: mermaid's parser behind a worker thread, started on the first diagram.
import * as vscode from 'vscode';
import { BudgetedWorker } from './budgeted-worker.js';
import type { ExtensionLog } from './log.js';
import type { MermaidErrorDetails, MermaidParse } from '../core/index.js';

/** How long one diagram may take to parse: real diagrams take milliseconds; past this, the worker is ended. */
export const MERMAID_BUDGET_MS = 5000;

/**
 * A parse function backed by dist/mermaid-worker.cjs; the worker starts on first use and is ended on dispose. A
 * diagram over the budget is reported as not checked, and the next diagram gets a fresh worker.
 */
export function mermaidInWorker(extensionUri: vscode.Uri, log: ExtensionLog, budgetMs = MERMAID_BUDGET_MS): { parse: MermaidParse; dispose: () => void } {
  const file = vscode.Uri.joinPath(extensionUri, 'dist', 'mermaid-worker.cjs').fsPath;
  let next = 0;
  const worker = new BudgetedWorker<void>(file, 'mermaid-syntax', budgetMs, log, (m) => {
    // The checker reads message, hash and position from the details as from mermaid's own error.
    const { error } = m as { id: number; error?: MermaidErrorDetails };
    return error === undefined ? { value: undefined } : { error };
  });
  return {
    parse: (diagram) => worker.request({ id: next++, diagram }),
    dispose: () => worker.dispose(),
  };
}
