// Runs in Node (the CLI, its lint workers, the extension host's mermaid worker): mermaid's parser for the engine.
// Mermaid's parser reaches for a DOM (DOMPurify), so Node hosts give it happy-dom's. Loaded on the first document
// that has a ```mermaid block, never at start-up, and never by a browser build (that one parses DOM-free in a Web
// Worker: src/extension/mermaid-web-worker.ts).
import type { MermaidParse } from '../core/index.js';
import { parserFor } from '../shared/mermaid-extras.js';

let loading: Promise<MermaidParse> | undefined;

/** mermaid.parse on a minimal DOM, as every host parses (src/shared/mermaid-extras.ts); created once. */
export function nodeMermaidParser(): Promise<MermaidParse> {
  loading ??= (async () => {
    const { Window } = await import('happy-dom');
    const w = new Window();
    const g = globalThis as Record<string, unknown>;
    for (const k of ['window', 'document', 'navigator', 'Element', 'HTMLElement', 'SVGElement', 'DOMParser', 'MutationObserver', 'getComputedStyle']) {
      if (!(k in g)) g[k] = k === 'window' ? w : (w as unknown as Record<string, unknown>)[k];
    }
    return parserFor((await import('mermaid')).default);
  })();
  return loading;
}
