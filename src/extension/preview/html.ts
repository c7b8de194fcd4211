// Runs in the VS Code extension host: the preview webview's page, under a strict CSP with a fresh nonce per load.
import * as vscode from 'vscode';
import type { HostMessage } from '../../shared/messages.js';
import { pageHtml } from './page.js';

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
 * What the page preloads (dist/webview/preload.json, written by esbuild.mjs): preview.js's own imports (from the
 * HTML), mermaid's core, and the chunks of each lazy module (both from preview.js).
 */
export interface Preload {
  entry: string[];
  core: string[];
  modules: Record<string, string[]>;
}

const CHUNK = /^chunks\/[\w.-]+\.js$/;

/** The preload lists, read once; an unreadable or malformed file only means no preloading. */
export async function readPreload(extensionUri: vscode.Uri): Promise<Preload> {
  try {
    const raw: unknown = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(webviewRoot(extensionUri), 'preload.json'))));
    const files = (x: unknown): string[] => (Array.isArray(x) ? x.filter((f): f is string => typeof f === 'string' && CHUNK.test(f)) : []);
    const r = raw as { entry?: unknown; core?: unknown; modules?: unknown };
    const modules = typeof r.modules === 'object' && r.modules ? Object.fromEntries(Object.entries(r.modules).filter(([k]) => /^[\w-]+$/.test(k)).map(([k, v]) => [k, files(v)])) : {};
    return { entry: files(r.entry), core: files(r.core), modules };
  } catch {
    return { entry: [], core: [], modules: {} };
  }
}

/**
 * The preview page (page.ts), in VS Code's display language: its own words through vscode.l10n.t, and the extension's
 * translations (vscode.l10n.bundle, undefined in English) embedded as data for preview.js; `first`, the message it
 * shows before the host's first one (the snapshot open when the panel was made), is data, not script.
 */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, preload: Preload = { entry: [], core: [], modules: {} }, needed: readonly string[] = [], first?: HostMessage): string {
  const asset = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot(extensionUri), name)).toString();
  // What preview.js preloads as its first act, while the page is still idle (inert data, not script): mermaid's core,
  // the modules the snapshot's diagrams `needed` (their types, ELK, icon packs), and every lazy module's chunks for
  // snapshots that come later (preview.js preloads those when such a snapshot arrives, once each).
  const modules = Object.fromEntries(Object.entries(preload.modules).map(([k, files]) => [k, files.map(asset)]));
  return pageHtml({
    cspSource: webview.cspSource,
    nonce: newNonce(),
    asset,
    lang: vscode.env.language,
    text: {
      title: vscode.l10n.t('Diagram Preview'),
      heading: vscode.l10n.t('Diagrams'),
      exportAll: vscode.l10n.t('Export all'),
      exportAllTooltip: vscode.l10n.t('Export every diagram to a folder'),
      exportHtml: 'HTML',
      exportHtmlTooltip: vscode.l10n.t('Export the snapshot as one HTML file'),
    },
    entryImports: preload.entry.map(asset),
    chunkMap: { core: preload.core.map(asset), needed, modules },
    first,
    bundle: vscode.l10n.bundle,
  });
}
