// Runs in the preview webview: preloads the chunks the snapshot's diagrams will need (their diagram types, layouts,
// ELK, icon packs) that the page did not already preload, as soon as the snapshot arrives, so that no render waits
// for its own fetch. The host lists each lazy module's chunks in the page (#chunk-map); preloading only fetches
// and compiles, and a module runs when mermaid imports it, as it would have without the preload.
import { modulesFor } from '../shared/chunk-modules.js';

/** What the host listed in the page (#chunk-map): mermaid's core, the modules the first snapshot needs, each module's chunks. */
interface ChunkMap {
  core: string[];
  needed: string[];
  modules: Record<string, string[]>;
}

let chunkMap: ChunkMap | undefined;
const requested = new Set<string>();

function map(): ChunkMap {
  if (!chunkMap) {
    chunkMap = { core: [], needed: [], modules: {} };
    try {
      const parsed = JSON.parse(document.getElementById('chunk-map')?.textContent ?? '{}') as Partial<ChunkMap>;
      const urls = (x: unknown): string[] => (Array.isArray(x) ? x.filter((u): u is string => typeof u === 'string' && /^https?:\/\//.test(u)) : []);
      chunkMap.core = urls(parsed.core);
      chunkMap.needed = Array.isArray(parsed.needed) ? parsed.needed.filter((n): n is string => typeof n === 'string') : [];
      if (parsed.modules && typeof parsed.modules === 'object') for (const [k, v] of Object.entries(parsed.modules)) chunkMap.modules[k] = urls(v);
    } catch {
      // No list: mermaid fetches each chunk when it imports it.
    }
  }
  return chunkMap;
}

/** Adds a <link rel="modulepreload"> with the page's nonce for each URL not asked for yet; resolves when each reported. */
function preload(urls: readonly string[]): Promise<void> {
  const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? '';
  const loads: Array<Promise<void>> = [];
  for (const listed of urls) {
    const url = new URL(listed, document.baseURI).href;
    if (requested.has(url)) continue;
    requested.add(url);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.nonce = nonce;
    link.href = url;
    loads.push(
      new Promise<void>((resolve) => {
        link.addEventListener('load', () => resolve(), { once: true });
        link.addEventListener('error', () => resolve(), { once: true });
      }),
    );
    document.head.append(link);
  }
  return Promise.all(loads).then(() => undefined);
}

/**
 * Preloads, as the page's first act, mermaid's core and the modules the first snapshot needs (the host listed them):
 * fetched together while the page is idle, evaluated only when imported.
 */
export function preloadFirst(): void {
  const m = map();
  void preload([...m.core, ...m.needed.flatMap((n) => m.modules[n] ?? [])]);
}

/**
 * Adds a <link rel="modulepreload"> (with the page's nonce) for each chunk these diagrams need and no earlier call
 * asked for; resolves when they have all loaded (or failed: mermaid then fetches as it would have).
 *
 * Waiting matters: a webview's resources reach it through its host frame, which shares this page's main thread,
 * so a fetch stalls while mermaid renders. Fetched up front, the chunks arrive together in a fraction of the time.
 */
export function prefetch(sources: readonly string[]): Promise<void> {
  const m = map();
  const loads = preload([...new Set(sources.flatMap(modulesFor))].flatMap((n) => m.modules[n] ?? []));
  // Never wait long: a preload that reports neither load nor error (a fetch the webview's service worker holds)
  // must not hold the render back; mermaid's own import of the chunk then fetches it as it would have.
  return Promise.race([loads, new Promise<void>((r) => setTimeout(r, PREFETCH_WAIT_MS))]);
}

/** How long a snapshot's first render waits at most for its chunks' preloads. */
const PREFETCH_WAIT_MS = 1500;
