// Runs in Node (the mermaid-syntax parser of the CLI and the extension host's worker) and in the preview webview:
// what both add to mermaid's defaults, the way VS Code's own Markdown preview does — the ELK layouts and the
// `logos` and `mdi` icon packs, bundled and loaded on first use, never fetched — and the check that every icon a
// diagram names is in one of those packs. One module, so the check and the preview agree.
import type { IconifyJSON } from '@iconify/types';
import elkLayouts from '@mermaid-js/layout-elk';
import type { Mermaid } from 'mermaid';
import type { MermaidParse } from '../core/mermaid.js';
import type { MermaidErrorDetails } from '../core/mermaid-errors.js';
import { closestIcon, iconReferences } from '../core/mermaid-icons.js';

/**
 * The bundled icon packs, each imported on first use: in the webview each is an ES module chunk of its own (the
 * logos pack is most of the preview's bytes, and only a diagram with a logos icon loads it); Node bundles carry
 * the icon names alone (esbuild.mjs), which is all the check needs.
 */
const PACKS: Record<string, () => Promise<{ default: unknown }>> = {
  logos: () => import('@iconify-json/logos/icons.json', { with: { type: 'json' } }),
  mdi: () => import('@iconify-json/mdi/icons.json', { with: { type: 'json' } }),
};

/** The names of the bundled icon packs. */
export const ICON_PACKS = Object.keys(PACKS);

const loaded = new Map<string, Promise<IconifyJSON>>();

/** A bundled icon pack, loaded once. */
export function iconPack(name: string): Promise<IconifyJSON> | undefined {
  const load = PACKS[name];
  if (!load) return undefined;
  let p = loaded.get(name);
  if (!p) {
    p = load().then((m) => m.default as IconifyJSON);
    loaded.set(name, p);
  }
  return p;
}

/** Registers ELK's layouts and the bundled icon packs with this mermaid (once per mermaid instance is enough). */
export function registerExtras(mermaid: Pick<Mermaid, 'registerLayoutLoaders' | 'registerIconPacks'>): void {
  mermaid.registerLayoutLoaders(elkLayouts);
  mermaid.registerIconPacks(ICON_PACKS.map((name) => ({ name, loader: () => iconPack(name) as Promise<IconifyJSON> })));
}

/**
 * The first icon the diagram names that no bundled pack has (mermaid would draw a "?" for it), as an error's
 * details for the translator: mermaid's own wording as the message, the place, and the closest icon of the pack.
 */
export async function missingIcon(diagram: string): Promise<MermaidErrorDetails | undefined> {
  for (const ref of iconReferences(diagram)) {
    const pack = iconPack(ref.prefix);
    const base = { line: ref.line, column: ref.column, packs: ICON_PACKS, name: ref.name };
    if (!pack) return { name: 'UnknownIconError', message: `Icon set not found: ${ref.prefix}`, icon: { ...base, known: false } };
    const set = await pack;
    if (set.icons[ref.icon] || set.aliases?.[ref.icon]) continue;
    const suggestion = closestIcon(ref.icon, Object.keys(set.icons));
    return { name: 'UnknownIconError', message: `Icon not found: ${ref.name}`, icon: { ...base, known: true, ...(suggestion ? { suggestion } : {}) } };
  }
  return undefined;
}

/**
 * mermaid.parse with strict security, ELK's layouts and the icon packs registered as in the preview, and a diagram
 * that parses also checked for icons no bundled pack has (the preview would draw a "?"): this check accepts what
 * the preview renders and nothing else. Every parse-only host (Node on happy-dom, the browser's DOM-free Web Worker)
 * goes through here.
 */
export function parserFor(mermaid: Mermaid): MermaidParse {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  registerExtras(mermaid);
  return async (diagram: string) => {
    const result = await mermaid.parse(diagram);
    const icon = await missingIcon(diagram);
    if (icon) throw Object.assign(new Error(icon.message), icon);
    return result;
  };
}
