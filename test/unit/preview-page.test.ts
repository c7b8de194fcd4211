import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { pageHtml, previewCsp, type L10nBundle, type PageParts } from '../../src/extension/preview/page.js';

const parts = (bundle?: L10nBundle): PageParts => ({
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'bm9uY2Ugbm9uY2Ugbm9uY2U=',
  asset: (name) => `https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/${name}`,
  lang: 'qps-ploc',
  text: { title: 'Ðīȧɠřȧḿ <Preview>', heading: 'Ðīȧɠřȧḿş', exportAll: 'Ḗẋƥǿřŧ ȧŀŀ', exportAllTooltip: 'say "all"', exportHtml: 'HTML', exportHtmlTooltip: 'Ḗẋƥǿřŧ' },
  chunkMap: { core: [], needed: [], modules: {} },
  first: { type: 'empty', reason: '</script><script>alert(2)</script>' },
  bundle,
});

const elements = (root: Root | Element, out: Element[] = []): Element[] => {
  for (const c of root.children) if (c.type === 'element') out.push(c, ...elements(c));
  return out;
};
const text = (e: Element): string => e.children.map((c) => (c.type === 'text' ? c.value : '')).join('');

// What a translation could hold that ends a <script> element, opens a comment (which, in a script, changes where
// "</script>" ends it) or breaks a JavaScript string.
const HOSTILE: L10nBundle = {
  Diagrams: '</script><script>alert(1)</script>',
  'Zoom in': '<!-- <script>',
  'Zoom out': { message: '</SCRIPT >\u2028\u2029"\\', comment: ['<!--'] },
};

test('preview page: a bundle is embedded as data only, reads back as the same object, and leaves the CSP as it was', () => {
  const html = pageHtml(parts(HOSTILE));
  for (const raw of ['<script>alert', '<!--', '</SCRIPT', '\u2028']) assert.ok(!html.includes(raw), `the page holds ${JSON.stringify(raw)} as written`);
  const doc = fromHtml(html);
  const all = elements(doc);
  const scripts = all.filter((e) => e.tagName === 'script');
  // Three data elements and the one module script, with the nonce: the hostile text made no element of its own.
  assert.deepEqual(scripts.map((s) => [s.properties.id, s.properties.type]), [['chunk-map', 'application/json'], ['l10n-bundle', 'application/json'], ['first-message', 'application/json'], [undefined, 'module']]);
  assert.equal(scripts[3]?.properties.nonce, 'bm9uY2Ugbm9uY2Ugbm9uY2U=');
  assert.deepEqual(JSON.parse(text(scripts[1] as Element)), HOSTILE);
  assert.deepEqual(JSON.parse(text(scripts[2] as Element)), { type: 'empty', reason: '</script><script>alert(2)</script>' });
  const csp = (page: string): unknown => elements(fromHtml(page)).find((e) => e.tagName === 'meta' && e.properties.httpEquiv?.toString() === 'Content-Security-Policy')?.properties.content;
  assert.equal(csp(html), previewCsp('https://file+.vscode-resource.vscode-cdn.net', 'bm9uY2Ugbm9uY2Ugbm9uY2U='));
  assert.equal(csp(html), csp(pageHtml(parts())));
  assert.match(String(csp(html)), /^default-src 'none'; script-src 'nonce-[^']+';/);
  // The host's own words are text, escaped, in the page's language.
  assert.equal(all.find((e) => e.tagName === 'html')?.properties.lang, 'qps-ploc');
  assert.equal(text(all.find((e) => e.tagName === 'title') as Element), 'Ðīȧɠřȧḿ <Preview>');
  assert.equal(all.find((e) => e.properties.id === 'export-all')?.properties.title, 'say "all"');
});

test('preview page: in English (no bundle) there is no bundle element, and preview.js keeps its English messages', () => {
  const html = pageHtml(parts());
  assert.doesNotMatch(html, /l10n-bundle/);
  assert.equal(elements(fromHtml(html)).filter((e) => e.tagName === 'script').length, 3);
});

test('preview page: preview.js and its own imports are fetched together: each import is a modulepreload link with the nonce', () => {
  const imports = ['chunks/chunk-A.js', 'chunks/chunk-"B.js'].map((f) => `https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/${f}`);
  const all = elements(fromHtml(pageHtml({ ...parts(), entryImports: imports })));
  const links = all.filter((e) => e.tagName === 'link' && String(e.properties.rel) === 'modulepreload');
  assert.deepEqual(links.map((l) => l.properties.href), imports, 'one link per import, in order, the URL read back as given');
  for (const l of links) assert.equal(l.properties.nonce, 'bm9uY2Ugbm9uY2Ugbm9uY2U=');
  // In <head>, so the fetches start before the body is parsed; none without a list.
  const head = all.find((e) => e.tagName === 'head') as Element;
  assert.equal(elements(head).filter((e) => String(e.properties.rel) === 'modulepreload').length, 2);
  assert.equal(elements(fromHtml(pageHtml(parts()))).filter((e) => String(e.properties.rel) === 'modulepreload').length, 0);
});
