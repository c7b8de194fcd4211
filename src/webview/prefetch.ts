// Runs in the preview webview: preloads the chunks the snapshot's diagrams will need (their diagram types, layouts,
// ELK, icon packs) that the page did not already preload, as soon as the snapshot arrives, so that no render waits
// for its own fetch. The host lists each lazy module's chunks in the page (#chunk-map); preloading only fetches
// and compiles, and a module runs when mermaid imports it, as it would have without the preload.
import { modulesFor } from '../shared/chunk-modules.js';

let chunkMap: Record<string, string[]> | undefined;
const requested = new Set<string>();

function map(): Record<string, string[]> {
  if (!chunkMap) {
    try {
      const parsed: unknown = JSON.parse(document.getElementById('chunk-map')?.textContent ?? '{}');
      chunkMap = typeof parsed === 'object' && parsed ? (parsed as Record<string, string[]>) : {};
    } catch {
      chunkMap = {};
    }
  }
  return chunkMap;
}

/**
 * Adds a <link rel="modulepreload"> (with the page's nonce) for each chunk these diagrams need and no earlier call
 * asked for; resolves when they have all loaded (or failed: mermaid then fetches as it would have).
 *
 * Waiting matters: a webview's resources reach it through its host frame, which shares this page's main thread,
 * so a fetch stalls while mermaid renders. Fetched up front, the chunks arrive together in a fraction of the time.
 */
export function prefetch(sources: readonly string[]): Promise<void> {
  const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? '';
  const chunks = map();
  // What the host already preloaded in the page is on its way.
  for (const l of document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')) requested.add(l.href);
  const loads: Array<Promise<void>> = [];
  for (const name of new Set(sources.flatMap(modulesFor))) {
    for (const url of chunks[name] ?? []) {
      if (requested.has(url) || !/^https?:\/\//.test(url)) continue;
      requested.add(url);
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.nonce = nonce;
      link.href = url;
      loads.push(new Promise<void>((resolve) => {
        link.addEventListener('load', () => resolve(), { once: true });
        link.addEventListener('error', () => resolve(), { once: true });
      }));
      document.head.append(link);
    }
  }
  return Promise.all(loads).then(() => undefined);
}
