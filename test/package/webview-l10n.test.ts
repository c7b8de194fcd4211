// Runs in Node (the package tests, after the build): the built preview (dist/webview/preview.js and its chunks)
// loaded into a happy-dom page the way the extension writes it, with the pseudo-locale bundle embedded, speaks the
// pseudo locale from its first render: toolbar labels and titles, aria-labels, the diagram's title, and the core's
// explanation of a mermaid error (mermaid-errors.ts, bundled into the webview). Without a bundle it speaks English.
// happy-dom evaluates the page's scripts in a VM context: only our own build runs there, served from dist/webview.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Window } from 'happy-dom';
import { pageHtml, type L10nBundle } from '../../src/extension/preview/page.js';
import type { HostMessage, WebviewMessage } from '../../src/shared/messages.js';
import { ROOT } from '../unit/helpers.js';

const ORIGIN = 'https://webview.test/';

const FIRST: HostMessage = {
  type: 'document',
  uri: 'file:///work/doc.md',
  version: 1,
  title: '',
  diagrams: [
    { source: 'flowchart LR\n  a --> b', section: '', startLine: 3, endLine: 6 },
    { source: 'flowchart LR\n  a -->', section: '', startLine: 9, endLine: 12 },
  ],
  options: { exportTheme: 'light', pngScale: 2 },
};

interface Shown {
  buttons: string[];
  ariaLabel: string;
  title: string;
  error: string;
  summary: string;
  posted: WebviewMessage[];
}

/** The preview as it shows FIRST, once it has rendered both diagrams. */
async function preview(bundle?: L10nBundle): Promise<Shown> {
  const html = pageHtml({
    cspSource: ORIGIN,
    nonce: 'dGVzdA==',
    asset: (name) => `${ORIGIN}${name}`,
    lang: bundle ? 'qps-ploc' : 'en',
    text: { title: 'Diagram Preview', heading: 'Diagrams', exportAll: 'Export all', exportAllTooltip: 'Export all', exportHtml: 'HTML', exportHtmlTooltip: 'Export' },
    chunkMap: { core: [], needed: [], modules: {} },
    first: FIRST,
    bundle,
  });
  const window = new Window({
    url: `${ORIGIN}index.html`,
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      fetch: { virtualServers: [{ url: ORIGIN, directory: `${ROOT}dist/webview` }] },
    },
  });
  const posted: WebviewMessage[] = [];
  Object.assign(window, { acquireVsCodeApi: () => ({ postMessage: (m: WebviewMessage) => posted.push(m), getState: () => undefined, setState: () => undefined }) });
  try {
    window.document.write(html);
    await window.happyDOM.waitUntilComplete();
    const d = window.document;
    const attr = (sel: string, name: string): string => d.querySelector(sel)?.getAttribute(name) ?? '';
    return {
      buttons: [...d.querySelectorAll('.diagram-tools vscode-toolbar-button')].flatMap((b) => [b.getAttribute('label') ?? '', b.getAttribute('title') ?? '', b.textContent]),
      ariaLabel: attr('.diagram-body', 'aria-label'),
      title: `${d.querySelector('.diagram-title')?.textContent ?? ''} ${attr('.diagram-title', 'title')}`,
      error: d.querySelector('.diagram-error-message')?.textContent ?? '',
      summary: d.querySelector('.diagram-error summary')?.textContent ?? '',
      posted,
    };
  } finally {
    await window.happyDOM.close();
  }
}

/** English words left in `text`: code in backticks, the formats' names and the zoom level are the same in every language. */
const english = (text: string): string[] => text.replace(/`[^`]*`/g, ' ').replace(/\b(SVG|PNG)\b/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];

test('webview l10n: the built preview, given the pseudo-locale bundle in its page, labels everything in the pseudo locale; without one, in English', async () => {
  const pseudo = JSON.parse(readFileSync(`${ROOT}l10n/bundle.l10n.qps-ploc.json`, 'utf8')) as L10nBundle;
  const en = await preview();
  assert.ok(en.buttons.includes('Zoom in') && en.buttons.includes('Fit to width'), en.buttons.join(' | '));
  assert.equal(en.title, 'Diagram 1 Reveal the source (lines 4–7)');
  assert.match(en.error, /^Line 12: The arrow `-->` leads nowhere/);
  assert.equal(en.summary, "Mermaid's message");

  const qps = await preview(pseudo);
  assert.equal(qps.buttons.length, 48, 'two diagrams of eight buttons: label, title, text');
  for (const [what, text] of Object.entries({ buttons: qps.buttons.join(' | '), ariaLabel: qps.ariaLabel, title: qps.title, error: qps.error, summary: qps.summary })) {
    assert.ok(text.trim(), `${what} is shown`);
    assert.deepEqual(english(text), [], `${what}: ${text}`);
  }
  // The same preview otherwise: it rendered the good diagram and explained the bad one.
  for (const shown of [en, qps]) assert.deepEqual(shown.posted.filter((m) => m.type === 'rendered').map((m) => m.type === 'rendered' && [m.rendered, m.errors]), [[2, 1]]);
});
