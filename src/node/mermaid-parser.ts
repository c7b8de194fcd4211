// Runs in Node (the CLI, its lint workers, the extension host's mermaid worker): mermaid's parser for the engine.
// Mermaid's parser reaches for a DOM (DOMPurify), so Node hosts give it happy-dom's. Loaded on the first document
// that has a ```mermaid block, never at start-up, and never by a browser build.
import type { MermaidParse } from '../core/index.js';
import { missingIcon, registerExtras } from '../shared/mermaid-extras.js';

let loading: Promise<MermaidParse> | undefined;

/**
 * mermaid.parse with strict security, on a minimal DOM; created once. ELK's layouts and the icon packs are
 * registered as in the preview, and a diagram that parses is also checked for icons no bundled pack has (the
 * preview would draw a "?"), so this check accepts what the preview renders and nothing else.
 */
export function nodeMermaidParser(): Promise<MermaidParse> {
  loading ??= (async () => {
    const { Window } = await import('happy-dom');
    const w = new Window();
    const g = globalThis as Record<string, unknown>;
    for (const k of ['window', 'document', 'navigator', 'Element', 'HTMLElement', 'SVGElement', 'DOMParser', 'MutationObserver', 'getComputedStyle']) {
      if (!(k in g)) g[k] = k === 'window' ? w : (w as unknown as Record<string, unknown>)[k];
    }
    const mermaid = (await import('mermaid')).default;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    registerExtras(mermaid);
    return async (diagram: string) => {
      const result = await mermaid.parse(diagram);
      const icon = await missingIcon(diagram);
      if (icon) throw Object.assign(new Error(icon.message), icon);
      return result;
    };
  })();
  return loading;
}
