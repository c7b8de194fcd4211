// Runs in a worker thread of the VS Code extension host: parses large or odd Markdown, so that a parse that takes
// long (parser pathologies a hostile document can trigger) never holds up the thread every extension shares.
import { parentPort } from 'node:worker_threads';
import { markdownTree } from '../core/parse.js';

parentPort?.on('message', (m: { id: number; text: string }) => {
  try {
    parentPort?.postMessage({ id: m.id, tree: markdownTree(m.text) });
  } catch (e) {
    parentPort?.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
