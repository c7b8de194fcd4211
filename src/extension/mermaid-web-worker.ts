// Runs in a Web Worker started by the browser build of the extension (src/extension/browser.ts): mermaid's parser with
// no DOM (src/shared/parse-only-dom.ts gives it the one window property its parsers read). DOMPurify, which needs one, is replaced in this bundle by an inert stand-in
// (src/shared/dompurify-inert.ts): this worker only parses, never renders. The same parse as every other host
// (src/shared/mermaid-extras.ts: strict security, ELK, the icon packs' names), so vscode.dev reports what the CLI does.
import '../shared/parse-only-dom.js';
import mermaid from 'mermaid';
import { mermaidErrorDetails } from '../core/mermaid-errors.js';
import { parserFor } from '../shared/mermaid-extras.js';

/** The Web Worker's global scope, which the extension host's type definitions (Node's) do not describe. */
const scope = globalThis as unknown as {
  onmessage: ((event: { data: { id: number; diagram: string } }) => void) | null;
  postMessage(message: unknown): void;
};

const parse = parserFor(mermaid);

scope.onmessage = (event) => {
  const { id, diagram } = event.data;
  void parse(diagram).then(
    () => scope.postMessage({ id }),
    // Plain data (message, parser hash, position) crosses to the extension host; the error translator needs all of it.
    (e: unknown) => scope.postMessage({ id, error: mermaidErrorDetails(e) }),
  );
};
