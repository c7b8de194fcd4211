// Runs in the preview webview: mermaid behind one queue, with results cached by theme and source. Mermaid itself is
// an ES module chunk loaded on first use (the page shows and says 'ready' before it has parsed mermaid), and each
// diagram type, ELK and each icon pack is a further chunk that mermaid loads when a diagram needs it.
import * as l10n from '@vscode/l10n';
import type { Mermaid, MermaidConfig } from 'mermaid';
import { explainMermaidError, mermaidErrorDetails, type ExplainedError } from '../core/mermaid-errors.js';
import { missingIcon, registerExtras } from '../shared/mermaid-extras.js';

/** The VS Code theme kinds the preview follows. */
export type ThemeKind = 'light' | 'dark' | 'hc-dark' | 'hc-light';

/**
 * A diagram's render: its SVG and the securityLevel mermaid rendered it under (with an icon problem when it names
 * an icon no bundled pack has: drawn as "?"), or mermaid's error explained in words (shown as text, never as HTML).
 */
export type RenderResult = { svg: string; securityLevel: string; problem?: ExplainedError } | { error: ExplainedError };

// Mermaid's theme variables must be hex colours (it derives shades from them), so high contrast is spelled out.
const HC_DARK = { background: '#000000', primaryColor: '#000000', primaryTextColor: '#ffffff', primaryBorderColor: '#ffffff', lineColor: '#ffffff', secondaryColor: '#000000', tertiaryColor: '#000000', textColor: '#ffffff', mainBkg: '#000000', nodeBorder: '#ffffff', clusterBkg: '#000000', clusterBorder: '#ffffff', edgeLabelBackground: '#000000', darkMode: true };
const HC_LIGHT = { background: '#ffffff', primaryColor: '#ffffff', primaryTextColor: '#000000', primaryBorderColor: '#000000', lineColor: '#000000', secondaryColor: '#ffffff', tertiaryColor: '#ffffff', textColor: '#000000', mainBkg: '#ffffff', nodeBorder: '#000000', clusterBkg: '#ffffff', clusterBorder: '#000000', edgeLabelBackground: '#ffffff' };

/** The background an exported diagram of this theme is drawn on. */
export const THEME_BACKGROUND: Record<ThemeKind, string> = { light: '#ffffff', dark: '#1e1e1e', 'hc-dark': '#000000', 'hc-light': '#ffffff' };

/** Mermaid's configuration for a theme kind. securityLevel is always 'strict' (on mermaid's `secure` list, so no %%{init}%% can lower it). */
export function mermaidConfig(theme: ThemeKind): MermaidConfig {
  const base: MermaidConfig = { startOnLoad: false, securityLevel: 'strict', suppressErrorRendering: true, deterministicIds: false };
  switch (theme) {
    case 'light':
      return { ...base, theme: 'default' };
    case 'dark':
      return { ...base, theme: 'dark' };
    case 'hc-dark':
      return { ...base, theme: 'base', themeVariables: HC_DARK };
    case 'hc-light':
      return { ...base, theme: 'base', themeVariables: HC_LIGHT };
  }
}

let loading: Promise<Mermaid> | undefined;

/** Mermaid, loaded once (a chunk of its own), with ELK's layouts and the bundled icon packs registered. */
export function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(
    (m) => {
      registerExtras(m.default);
      return m.default;
    },
    (e: unknown) => {
      // Not kept: the next render tries again.
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

const CACHE_LIMIT = 128;
/** Results that say mermaid did not load: not the diagram's fault, so never cached. */
const loadFailures = new WeakSet<RenderResult>();

/**
 * Renders diagrams one at a time (mermaid keeps global state); an invalid diagram yields its error in words, and
 * nothing is drawn for it. Results are cached by theme and source, so an unchanged diagram is never rendered twice.
 */
export class Renderer {
  #queue: Promise<unknown> = Promise.resolve();
  #theme: ThemeKind | undefined;
  #next = 0;
  readonly #cache = new Map<string, RenderResult>();

  static key(theme: ThemeKind, source: string): string {
    return `${theme}\u0000${source}`;
  }

  cached(theme: ThemeKind, source: string): RenderResult | undefined {
    return this.#cache.get(Renderer.key(theme, source));
  }

  /** Renders unless `stale()` says the result is no longer wanted when its turn comes; undefined then. */
  render(theme: ThemeKind, source: string, stale: () => boolean = () => false): Promise<RenderResult | undefined> {
    const job = this.#queue.then(async () => {
      const hit = this.cached(theme, source);
      if (hit) return hit;
      if (stale()) return undefined;
      const result = await this.#renderNow(theme, source);
      // A failure to load mermaid is not the diagram's: it is not kept, so the next render tries again.
      if (loadFailures.has(result)) return result;
      if (this.#cache.size >= CACHE_LIMIT) this.#cache.delete(this.#cache.keys().next().value as string);
      this.#cache.set(Renderer.key(theme, source), result);
      return result;
    });
    this.#queue = job.catch(() => undefined);
    return job;
  }

  async #renderNow(theme: ThemeKind, source: string): Promise<RenderResult> {
    let mermaid: Mermaid;
    try {
      mermaid = await loadMermaid();
    } catch (e) {
      // Shown in place of the diagram, like any error, rather than leaving the preview waiting.
      const message = l10n.t('The preview could not load mermaid ({0}); close and reopen the preview.', e instanceof Error ? e.message : String(e));
      const failed: RenderResult = { error: { message, line: 0, column: 0, original: message } };
      loadFailures.add(failed);
      return failed;
    }
    if (this.#theme !== theme) {
      mermaid.initialize(mermaidConfig(theme));
      this.#theme = theme;
    }
    const id = `ds-diagram-${this.#next++}`;
    try {
      // mermaid.render() parses before it draws and, with suppressErrorRendering, throws a parse error without
      // drawing anything: that is the parse-first check, without parsing a valid diagram twice (13–21 ms for
      // the 30-node benchmark flowchart, measured).
      const start = performance.now();
      const { svg } = await mermaid.render(id, source);
      // The bare mermaid.render() time: the benchmark's floor.
      performance.measure('design-snapshot:mermaid.render', { start, end: performance.now(), detail: { id } });
      // The level in force for this render, %%{init}%% and frontmatter config applied. Mermaid strips
      // securityLevel from both (its `secure` list); should that ever fail, the SVG is not shown.
      const securityLevel = String(mermaid.mermaidAPI.getConfig().securityLevel);
      if (securityLevel !== 'strict') {
        const message = l10n.t("Not shown: this diagram changed mermaid's securityLevel to '{0}'.", securityLevel);
        return { error: { message, line: 0, column: 0, original: message } };
      }
      // The same icon check as mermaid-syntax in the editor and the CLI: mermaid drew a "?" for a missing icon.
      const icon = await missingIcon(source);
      return { svg, securityLevel, ...(icon ? { problem: explainMermaidError(icon, source) } : {}) };
    } catch (e) {
      return { error: explainMermaidError(mermaidErrorDetails(e), source) };
    } finally {
      // A failed render can leave its scratch element behind.
      document.getElementById(`d${id}`)?.remove();
    }
  }
}
