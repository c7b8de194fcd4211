import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Code } from 'mdast';
import { defaultHandlers, toHast, type State } from 'mdast-util-to-hast';
import type { Analysis } from './analysis.js';

/** What the HTML export puts in place of each diagram, by diagram index (undefined: the diagram did not render). */
export interface HtmlExportOptions {
  svgs: ReadonlyArray<string | undefined>;
  /** Error text per diagram index, shown instead of a diagram that did not render. */
  errors?: ReadonlyArray<string | undefined>;
  /**
   * The page's colours: 'light' or 'dark' to match diagrams rendered in that theme (the preview's
   * `exportTheme`); by default the reader's system preference decides.
   */
  colorScheme?: 'light' | 'dark';
}

/** Scripts, remote styles, fonts and images cannot load in the exported file, whatever its SVGs or links hold. */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Elements an SVG in the export never keeps: anything that runs, loads, submits or animates attributes. */
const UNSAFE_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'link', 'meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'option', 'audio', 'video', 'source', 'track', 'portal', 'animate', 'set', 'animatemotion', 'animatetransform', 'animatecolor', 'handler', 'listener', 'template', 'noscript']);
/** Attributes that hold a URL: kept only for a fragment ("#arrowhead") or an inline image. */
const URL_PROPERTIES = new Set(['href', 'xLinkHref', 'src', 'srcSet', 'action', 'formAction', 'data', 'poster', 'background', 'codeBase', 'cite', 'ping']);
const SAFE_REFERENCE = /^\s*(?:#|data:image\/(?:png|gif|jpe?g|webp);)/i;
/** CSS that loads or runs something: a url() to anything but a fragment or inline image, @import, image-set(), expression(), or an escape that could spell one. */
const UNSAFE_CSS = /url\s*\(\s*['"]?(?!#|data:image\/)|@import|image-set\s*\(|expression\s*\(|\\(?!3c )/i;
const UNSAFE_CSS_GLOBAL = /@import[^;]*;?|url\s*\(\s*['"]?(?!#|data:image\/)[^)]*\)|image-set\s*\([^)]*\)|expression\s*\(/gi;

/**
 * The SVG the preview rendered, parsed and cleaned for the export: no scripts, event handlers, frames, forms or
 * animations, and URLs only to fragments or inline images. The webview that sends it is not trusted to have done
 * so, and the export is a file people open anywhere (the CSP is a second line: a browser honours it, a mail client
 * or a wiki may not). Undefined when the text is not an SVG.
 */
export function cleanSvg(svg: string): Element | undefined {
  const tree = fromHtml(svg, { fragment: true });
  const root = tree.children.find((n): n is Element => n.type === 'element');
  if (!root || root.tagName !== 'svg' || tree.children.some((n) => n.type === 'element' && n !== root)) return undefined;
  const clean = (node: Element): void => {
    node.children = node.children.filter((c) => c.type === 'text' || (c.type === 'element' && !UNSAFE_ELEMENTS.has(c.tagName.toLowerCase())));
    for (const key of Object.keys(node.properties)) {
      const raw = node.properties[key];
      const value = String(Array.isArray(raw) ? raw.join(' ') : raw);
      const url = URL_PROPERTIES.has(key) || /href$/i.test(key);
      // Any attribute may hold a CSS reference (fill, filter, mask, cursor, marker-end, style): only `url(#id)` and
      // inline images stay; CSS escapes and image-set() could hide anything else, so they go too.
      if (/^on/i.test(key) || key === 'srcDoc' || (url && !SAFE_REFERENCE.test(value)) || UNSAFE_CSS.test(value)) delete node.properties[key];
    }
    if (node.tagName.toLowerCase() === 'style') {
      // Mermaid's own <style> styles the diagram. Its text is written out raw: a "<" in it would become markup when
      // the page is read again, so it is escaped as CSS; remote loads and old script hooks are cut.
      for (const c of node.children) {
        if (c.type !== 'text') continue;
        c.value = c.value.replace(/</g, '\\3c ');
        if (UNSAFE_CSS.test(c.value)) c.value = c.value.replace(/\\(?!3c )/g, '').replace(UNSAFE_CSS_GLOBAL, '');
      }
    }
    for (const c of node.children) if (c.type === 'element') clean(c);
  };
  clean(root);
  return root;
}

const SAFE_URL = /^(?:https?:|mailto:|#|\.{0,2}\/|[^:/?#]*(?:[/?#]|$))/i;

const LIGHT = `
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1.5rem;color:#1f2328;background:#fff}
h1,h2,h3{line-height:1.25}h2{border-bottom:1px solid #d0d7de;padding-bottom:.3em;margin-top:2em}
table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:.35em .7em;text-align:left;vertical-align:top}
pre{background:#f6f8fa;padding:.8em 1em;overflow:auto;border-radius:6px}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
figure.diagram{margin:1.5em 0;text-align:center}figure.diagram svg{max-width:100%;height:auto}
.estimate-value{color:#0969da}.diagram-error{color:#cf222e;white-space:pre-wrap}.meta{color:#59636e}
`.trim();
const DARK = 'body{color:#e6edf3;background:#0d1117}pre{background:#161b22}th,td{border-color:#30363d}h2{border-color:#30363d}.meta{color:#9198a1}.estimate-value{color:#4493f8}';

function style(scheme: HtmlExportOptions['colorScheme']): string {
  if (scheme === 'light') return LIGHT;
  if (scheme === 'dark') return `${LIGHT}\n${DARK}`;
  return `${LIGHT}\n@media (prefers-color-scheme: dark){${DARK}}`;
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function el(tagName: string, className: string | undefined, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties: className ? { className: [className] } : {}, children };
}

/**
 * The whole snapshot as one self-contained HTML file: its text, each diagram as the
 * SVG the preview rendered, and each ```estimate line with its computed value.
 * Raw HTML in the Markdown is dropped and unsafe link URLs are removed; a CSP in
 * the file forbids scripts and remote loads.
 */
export function snapshotHtml(analysis: Pick<Analysis, 'parsed' | 'diagrams' | 'estimateAnnotations'>, options: HtmlExportOptions): string {
  const parsed = analysis.parsed;
  const diagramIndex = new Map(analysis.diagrams.map((d, i) => [d.startLine, i]));
  const annotations = new Map(analysis.estimateAnnotations.map((a) => [a.line, a.label]));
  const lineOf = (node: Code): number => parsed.lines.positionAt((node.position?.start.offset ?? 0) + parsed.shift).line;

  const code = (state: State, node: Code): Element | ElementContent[] => {
    const lang = (node.lang ?? '').toLowerCase();
    if (lang === 'mermaid') {
      const i = diagramIndex.get(lineOf(node)) ?? -1;
      const svg = options.svgs[i];
      const safe = svg && /^\s*<svg[\s>]/i.test(svg) ? cleanSvg(svg) : undefined;
      if (safe) return el('figure', 'diagram', [safe]);
      const error = options.errors?.[i];
      return el('figure', 'diagram', [
        ...(error ? [el('p', 'diagram-error', [text(`This diagram did not render: ${error}`)])] : []),
        defaultHandlers.code(state, node),
      ]);
    }
    if (lang === 'estimate') {
      const first = lineOf(node) + 1;
      const children: ElementContent[] = [];
      node.value.split('\n').forEach((line, i) => {
        if (i) children.push(text('\n'));
        children.push(text(line));
        const value = annotations.get(first + i);
        if (value) children.push(el('span', 'estimate-value', [text(`  ${value}`)]));
      });
      return el('pre', undefined, [el('code', 'language-estimate', children)]);
    }
    return defaultHandlers.code(state, node);
  };

  const body = toHast(parsed.tree, { handlers: { code } }) as HastRoot;
  stripUnsafeUrls(body);
  const fm = parsed.model.frontmatter;
  const meta = ['pattern', 'status', 'author', 'date']
    .filter((k) => typeof fm[k] === 'string' || typeof fm[k] === 'number' || fm[k] instanceof Date)
    .map((k) => `${k}: ${fm[k] instanceof Date ? (fm[k] as Date).toISOString().slice(0, 10) : String(fm[k])}`)
    .join(' · ');
  const title = parsed.title?.text || 'Design snapshot';
  const doc: HastRoot = {
    type: 'root',
    children: [
      { type: 'doctype' },
      { type: 'element', tagName: 'html', properties: { lang: 'en' }, children: [
        el('head', undefined, [
          { type: 'element', tagName: 'meta', properties: { charSet: 'utf-8' }, children: [] },
          { type: 'element', tagName: 'meta', properties: { httpEquiv: ['Content-Security-Policy'], content: EXPORT_CSP }, children: [] },
          { type: 'element', tagName: 'meta', properties: { name: 'viewport', content: 'width=device-width, initial-scale=1' }, children: [] },
          el('title', undefined, [text(title)]),
          ...(options.colorScheme ? [{ type: 'element', tagName: 'meta', properties: { name: 'color-scheme', content: options.colorScheme }, children: [] } as Element] : []),
          el('style', undefined, [text(style(options.colorScheme))]),
        ]),
        el('body', undefined, [
          ...(meta ? [el('p', 'meta', [text(meta)])] : []),
          ...(body.children as ElementContent[]),
        ]),
      ] },
    ],
  };
  return toHtml(doc);
}

function stripUnsafeUrls(node: HastNodes): void {
  const stack: HastNodes[] = [node];
  while (stack.length) {
    const n = stack.pop() as HastNodes;
    if (n.type === 'element') {
      for (const key of ['href', 'src'] as const) {
        const v = n.properties[key];
        // Inline images stay (the file is self-contained); a remote one is blocked by the file's CSP anyway.
        const inlineImage = key === 'src' && n.tagName === 'img' && typeof v === 'string' && /^data:image\//i.test(v.trim());
        if (typeof v === 'string' && !inlineImage && !SAFE_URL.test(v.trim())) delete n.properties[key];
      }
    }
    if ('children' in n) stack.push(...(n.children as HastNodes[]));
  }
}
