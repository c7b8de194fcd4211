// Runs in a worker thread of the VS Code extension host: parses mermaid diagrams on happy-dom's DOM. In a worker,
// the DOM globals mermaid needs never leak into the extension host that other extensions share.
import { parentPort } from 'node:worker_threads';
import { mermaidErrorDetails } from '../core/mermaid-errors.js';
import { nodeMermaidParser } from '../node/mermaid-parser.js';

parentPort?.on('message', (m: { id: number; diagram: string }) => {
  void nodeMermaidParser()
    .then((parse) => parse(m.diagram))
    .then(
      () => parentPort?.postMessage({ id: m.id }),
      // Plain data (message, parser hash, position) crosses the thread; the error translator needs all of it.
      (e: unknown) => parentPort?.postMessage({ id: m.id, error: mermaidErrorDetails(e) }),
    );
});
