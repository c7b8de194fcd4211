// Runs in the VS Code extension host: the preview webview's page, under a strict CSP with a fresh nonce per load.
import * as vscode from 'vscode';
import type { HostMessage } from '../../shared/messages.js';

/** 18 random bytes from the platform's CSPRNG (Web Crypto, in Node and in browsers alike), base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/** The folder of the built webview assets: the only folder the webview may load from. */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

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

/** What the page preloads (dist/webview/preload.json, written by esbuild.mjs): mermaid's core, and the chunks of each lazy module. */
export interface Preload {
  core: string[];
  modules: Record<string, string[]>;
}

const CHUNK = /^chunks\/[\w.-]+\.js$/;

/** The preload lists, read once; an unreadable or malformed file only means no preloading. */
export async function readPreload(extensionUri: vscode.Uri): Promise<Preload> {
  try {
    const raw: unknown = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(webviewRoot(extensionUri), 'preload.json'))));
    const files = (x: unknown): string[] => (Array.isArray(x) ? x.filter((f): f is string => typeof f === 'string' && CHUNK.test(f)) : []);
    const r = raw as { core?: unknown; modules?: unknown };
    const modules = typeof r.modules === 'object' && r.modules ? Object.fromEntries(Object.entries(r.modules).filter(([k]) => /^[\w-]+$/.test(k)).map(([k, v]) => [k, files(v)])) : {};
    return { core: files(r.core), modules };
  } catch {
    return { core: [], modules: {} };
  }
}

/** JSON for a <script type="application/json"> element: no "<" in it, so no text in it can end the element. */
function inertJson(x: unknown): string {
  return JSON.stringify(x).replace(/</g, '\\u003c');
}

/**
 * The preview page: chrome from @vscode-elements/elements, diagrams filled in by dist/webview/preview.js; `first`, the
 * message it shows before the host's first one (the snapshot open when the panel was made), is data, not script.
 */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, preload: Preload = { core: [], modules: {} }, needed: readonly string[] = [], first?: HostMessage): string {
  const nonce = newNonce();
  const asset = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot(extensionUri), name)).toString();
  // What preview.js preloads as its first act, while the page is still idle (inert data, not script): mermaid's core,
  // the modules the snapshot's diagrams `needed` (their types, ELK, icon packs), and every lazy module's chunks for
  // snapshots that come later (preview.js preloads those when such a snapshot arrives, once each).
  const modules = Object.fromEntries(Object.entries(preload.modules).map(([k, files]) => [k, files.map(asset)]));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${previewCsp(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${asset('codicon.css')}">
<link rel="stylesheet" href="${asset('preview.css')}">
<title>Diagram Preview</title>
</head>
<body>
<header class="top">
  <h1 id="title">Diagrams</h1>
  <vscode-toolbar-container>
    <vscode-toolbar-button id="export-all" icon="files" label="Export every diagram to a folder" title="Export every diagram to a folder">Export all</vscode-toolbar-button>
    <vscode-toolbar-button id="export-html" icon="file-code" label="Export the snapshot as one HTML file" title="Export the snapshot as one HTML file">HTML</vscode-toolbar-button>
  </vscode-toolbar-container>
</header>
<p id="empty" role="status"></p>
<main id="diagrams"></main>
<script type="application/json" id="chunk-map">${inertJson({ core: preload.core.map(asset), needed, modules })}</script>
${first ? `<script type="application/json" id="first-message">${inertJson(first)}</script>\n` : ''}<script type="module" nonce="${nonce}" src="${asset('preview.js')}"></script>
</body>
</html>`;
}
