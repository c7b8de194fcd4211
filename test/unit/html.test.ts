import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXPORT_CSP, snapshotHtml as toHtml, type HtmlExportOptions } from '../../src/core/index.js';
import { memoryEngine } from './helpers.js';

const snapshotHtml = async (text: string, options: HtmlExportOptions): Promise<string> => toHtml(await memoryEngine().analyze({ uri: '/doc.md', version: 1, text }), options);

const DOC = `---
pattern: llm-serving
status: review
---

# Inference API

## Capacity estimates

\`\`\`estimate
requests = 20M req/day
peak = requests * 3 to req/s
\`\`\`

## Architecture

\`\`\`mermaid
flowchart LR
  a --> b
\`\`\`

\`\`\`mermaid
flowchart LR
  a -->
\`\`\`

<script>alert(1)</script>

[docs](https://example.com/docs) [bad](javascript:alert(1)) [rel](./other.md) ![img](data:image/png;base64,AAAA)
`;

test('html export: text, the rendered SVG per diagram, estimate values, the error of a diagram that did not render', async () => {
  const html = await snapshotHtml(DOC, { svgs: ['<svg id="d1"><g/></svg>', undefined], errors: [undefined, 'Parse error on line 2'] });
  assert.match(html, /^<!doctype html><html lang="en">/);
  assert.match(html, /<title>Inference API<\/title>/);
  assert.match(html, /<p class="meta">pattern: llm-serving · status: review<\/p>/);
  assert.match(html, /<figure class="diagram"><svg id="d1"><g><\/g><\/svg><\/figure>/);
  assert.match(html, /This diagram did not render: Parse error on line 2/);
  // The failed diagram's source stays visible, as code.
  assert.match(html, /<code class="language-mermaid">flowchart LR\n {2}a -->\n<\/code>/);
  assert.match(html, /requests = 20M req\/day<span class="estimate-value"> {2}≈ 20M req\/day<\/span>/);
  assert.match(html, /peak = requests \* 3 to req\/s<span class="estimate-value"> {2}≈ 694\.4 req\/s<\/span>/);
});

test('html export: self-contained and inert — CSP meta, raw HTML dropped, unsafe URLs removed', async () => {
  const html = await snapshotHtml(DOC, { svgs: [] });
  assert.ok(html.includes(`content="${EXPORT_CSP.replaceAll("'", '&#x27;')}"`), 'the CSP is in the file');
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /javascript:/i);
  assert.match(html, /<a href="https:\/\/example\.com\/docs">docs<\/a>/);
  assert.match(html, /<a>bad<\/a>/);
  assert.match(html, /<a href="\.\/other\.md">rel<\/a>/);
  assert.match(html, /<img src="data:image\/png;base64,AAAA" alt="img">/);
  assert.doesNotMatch(html, /<link|<script|@import/);
});

test('html export: an SVG is cleaned before it goes in: no scripts, handlers, frames, animations or remote URLs; mermaid\'s own markup kept', async () => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><style>#a{fill:red} @import url(http://x/y.css); .b{background:url(http://x/i.png)}</style><marker id="arrowhead" markerWidth="3"><path d="M0"/></marker><a href="javascript:alert(1)"><text>t</text></a><foreignObject width="5"><div xmlns="http://www.w3.org/1999/xhtml"><span class="nodeLabel">Hi <b>x</b></span><img src="x" onerror="alert(2)"><iframe srcdoc="&lt;script>alert(3)&lt;/script>"></iframe></div></foreignObject><path marker-end="url(#arrowhead)" style="stroke:red"/><script>alert(4)</script><animate attributeName="href" to="javascript:alert(5)"/><image href="data:image/png;base64,AAAA"/></svg>`;
  const html = await snapshotHtml(DOC, { svgs: [svg, undefined] });
  const figure = /<figure class="diagram"><svg[\s\S]*?<\/svg><\/figure>/.exec(html)?.[0] ?? '';
  for (const bad of [/onload|onerror/i, /<script/i, /alert\(/, /<iframe|srcdoc/i, /<animate/i, /@import|http:\/\/x/, /javascript:/]) assert.doesNotMatch(figure, bad);
  for (const kept of [/viewBox="0 0 10 10"/, /<marker id="arrowhead" markerWidth="3">/, /marker-end="url\(#arrowhead\)"/, /<span class="nodeLabel">Hi <b>x<\/b><\/span>/, /#a\{fill:red\}/]) assert.match(figure, kept);
  assert.match(html, /base-uri &#x27;none&#x27;; form-action &#x27;none&#x27;/);
  // Found by a review: escaped markup in <style> (written raw, it became an <img> when the page was read again),
  // URL-valued presentation attributes, image-set() and CSS escapes.
  const sneaky = `<svg><style>.a{} &lt;img src=x onerror=alert(1)&gt; .b{background:u\\72l(https://evil/e.png)} .c{background:image-set('https://evil/s.png' 1x)} @\\69mport "https://evil/i.css";</style><rect cursor="url(https://evil/c.png), auto" fill="url(https://evil/p.svg#g)"/><path fill="url(#gradient)" marker-end="url(#arrowhead)"/></svg>`;
  const page = await snapshotHtml(DOC, { svgs: [sneaky, undefined] });
  const out = /<figure class="diagram"><svg[\s\S]*?<\/svg><\/figure>/.exec(page)?.[0] ?? '';
  // What is left of them is inert CSS text: no element, no url() to elsewhere, no import, no escape.
  for (const bad of [/<img/i, /url\(\s*['"]?https?:/i, /image-set/i, /@import/i, /\\(?!3c )/, /cursor=|fill="url\(https/]) assert.doesNotMatch(out, bad);
  assert.match(out, /\\3c img/, 'the "<" is a CSS escape in the style text');
  assert.match(out, /<path fill="url\(#gradient\)" marker-end="url\(#arrowhead\)"><\/path>/, 'references to the diagram itself stay');
  // Two elements where one SVG was promised: nothing of it goes in.
  const two = await snapshotHtml(DOC, { svgs: ['<svg></svg><img src=x onerror=alert(1)>', undefined] });
  assert.doesNotMatch(two, /onerror|<svg><\/svg>/);
});

test('html export: a string from the webview that is not an SVG is never inserted as HTML', async () => {
  const html = await snapshotHtml(DOC, { svgs: ['<img src=x onerror=alert(1)>'] });
  assert.doesNotMatch(html, /onerror/);
  assert.match(html, /<code class="language-mermaid">flowchart LR\n {2}a --> b\n<\/code>/);
});

test('html export: colorScheme light or dark fixes the page colours to match the diagrams; by default the system decides', async () => {
  const light = await snapshotHtml(DOC, { svgs: [], colorScheme: 'light' });
  assert.match(light, /<meta name="color-scheme" content="light">/);
  assert.doesNotMatch(light, /prefers-color-scheme|background:#0d1117/);
  const dark = await snapshotHtml(DOC, { svgs: [], colorScheme: 'dark' });
  assert.match(dark, /<meta name="color-scheme" content="dark">/);
  assert.match(dark, /\nbody\{color:#e6edf3;background:#0d1117\}/);
  assert.doesNotMatch(dark, /prefers-color-scheme/);
  const auto = await snapshotHtml(DOC, { svgs: [] });
  assert.match(auto, /@media \(prefers-color-scheme: dark\)\{body\{color:#e6edf3/);
  assert.doesNotMatch(auto, /name="color-scheme"/);
});
