// Runs in the VS Code extension host (and in the unit tests, which is why it imports no vscode): the text of the
// preview webview's page, from parts html.ts gathers. Everything the host puts in it is either escaped HTML text or
// inert JSON data; the page's only script is the nonce'd entry module.
import type { HostMessage } from '../../shared/messages.js';

/** A translation bundle as VS Code hands it over (`vscode.l10n.bundle`): English message → translated message. */
export type L10nBundle = Record<string, string | { message: string; comment: string[] }>;

/**
 * The Content-Security-Policy of the preview. Scripts: our entry module, by nonce, and nothing else — no eval, no
 * inline script, no host source at all. The ES module chunks it imports (mermaid, each diagram type, ELK, the icon
 * packs; all from dist/webview, the only localResourceRoot) load under the same nonce: a module script's nonce
 * carries over to its static and dynamic imports (HTML's "descendant script fetch options"), so `cspSource` need
 * not be allowed for scripts. Styles need 'unsafe-inline': mermaid writes <style> elements and style= attributes
 * into its SVG.
 */
export function previewCsp(cspSource: string, nonce: string): string {
  return `default-src 'none'; script-src 'nonce-${nonce}'; style-src ${cspSource} 'unsafe-inline'; img-src ${cspSource} data:; font-src ${cspSource}`;
}

/**
 * JSON for a <script type="application/json"> element: no "<" in it (so neither "</script" nor "<!--", which would
 * end the element or change how it is parsed, can occur), and U+2028/U+2029 escaped too; JSON.parse reads it back.
 */
export function inertJson(x: unknown): string {
  return JSON.stringify(x).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Text for HTML content or a double-quoted attribute. */
export function htmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The page's own words, already translated by the host (vscode.l10n.t). */
export interface PageText {
  title: string;
  heading: string;
  exportAll: string;
  exportAllTooltip: string;
  exportHtml: string;
  exportHtmlTooltip: string;
}

export interface PageParts {
  /** The webview's cspSource. */
  cspSource: string;
  nonce: string;
  /** A file of dist/webview as the webview may load it. */
  asset: (name: string) => string;
  /** The page's language (VS Code's display language). */
  lang: string;
  text: PageText;
  /** preview.js's own static imports (dist/webview chunk URLs), preloaded by the page beside preview.js. */
  entryImports?: readonly string[];
  /** What preview.js preloads as its first act (dist/webview chunk URLs). */
  chunkMap: { core: string[]; needed: readonly string[]; modules: Record<string, string[]> };
  /** The message shown before the host's first one. */
  first?: HostMessage | undefined;
  /** VS Code's translations of the extension's messages; undefined in English. */
  bundle?: L10nBundle | undefined;
}

/**
 * The preview page: chrome from @vscode-elements/elements, diagrams filled in by dist/webview/preview.js. The first
 * message and the translations are data, not script, so preview.js reads both before it draws anything: its first
 * render waits for no round trip to the host.
 */
export function pageHtml(p: PageParts): string {
  const t = p.text;
  return `<!DOCTYPE html>
<html lang="${htmlText(p.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${previewCsp(p.cspSource, p.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${p.asset('codicon.css')}">
<link rel="stylesheet" href="${p.asset('preview.css')}">
${(p.entryImports ?? []).map((url) => `<link rel="modulepreload" nonce="${p.nonce}" href="${htmlText(url)}">\n`).join('')}<title>${htmlText(t.title)}</title>
</head>
<body>
<header class="top">
  <h1 id="title">${htmlText(t.heading)}</h1>
  <vscode-toolbar-container>
    <vscode-toolbar-button id="export-all" icon="files" label="${htmlText(t.exportAllTooltip)}" title="${htmlText(t.exportAllTooltip)}">${htmlText(t.exportAll)}</vscode-toolbar-button>
    <vscode-toolbar-button id="export-html" icon="file-code" label="${htmlText(t.exportHtmlTooltip)}" title="${htmlText(t.exportHtmlTooltip)}">${htmlText(t.exportHtml)}</vscode-toolbar-button>
  </vscode-toolbar-container>
</header>
<p id="empty" role="status"></p>
<main id="diagrams"></main>
<script type="application/json" id="chunk-map">${inertJson(p.chunkMap)}</script>
${p.bundle ? `<script type="application/json" id="l10n-bundle">${inertJson(p.bundle)}</script>\n` : ''}${p.first ? `<script type="application/json" id="first-message">${inertJson(p.first)}</script>\n` : ''}<script type="module" nonce="${p.nonce}" src="${p.asset('preview.js')}"></script>
</body>
</html>`;
}
