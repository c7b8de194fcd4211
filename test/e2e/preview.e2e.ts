// Runs in Node under node:test: the diagram preview in VS Code for the browser (code-server) in headless Chromium.
// Open a snapshot → open the preview → SVGs appear in the webview → edit a label → that SVG changes → dark theme →
// re-rendered → export SVG (and again: a new name, the first file untouched), PNG and HTML → files on disk parse.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { openWorkbench, previewFrame, type Workbench } from './helpers.js';

let w: Workbench;
let page: Page;
let view: FrameLocator;
const design = (): string => join(w.h.workspace, 'docs', 'design');

before(async () => {
  w = await openWorkbench('test/fixtures/preview', 'e2e-preview');
  page = w.page;
  await w.openFromExplorer('docs', 'diagrams.md');
  view = previewFrame(page);
});

after(async () => {
  await w?.shot('last').catch(() => undefined);
  await w?.h.stop();
});

/** Parses SVG text with Chromium's XML parser; returns the root element's name, or the parser's error. */
async function parseSvg(text: string): Promise<string> {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    return error ? `parsererror: ${error.textContent ?? ''}` : doc.documentElement.nodeName;
  }, text);
}

/** Waits for the notification that says the export is written (after the write, unlike the file's appearing). */
async function exported(file: string): Promise<void> {
  const name = file.split('/').pop() ?? file;
  const toast = page.locator('.notification-toast', { hasText: `exported docs/design/${name}` }).last();
  await toast.waitFor({ timeout: 30_000 });
  // VS Code shows at most three toasts at a time: clear this one so the next export's shows.
  await toast.hover();
  await toast.locator('.codicon-notifications-clear').click();
  await toast.waitFor({ state: 'detached' });
}

/** Accepts the save dialog's proposed file (code-server shows VS Code's own dialog in a quick input). */
async function acceptSaveDialog(expectedName: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await page.waitForFunction((name) => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.endsWith(name), expectedName);
  await page.keyboard.press('Enter');
}

test('e2e: the preview renders each diagram, follows edits and the theme, and exports SVG, PNG and HTML', async () => {
  await w.palette('Design Snapshot: Open Diagram Preview');
  const bodies = view.locator('.diagram-body');
  await view.locator('.diagram-body svg').nth(1).waitFor({ timeout: 60_000 });
  await view.locator('.diagram-error').waitFor();
  await w.shot('1-preview');
  assert.equal(await bodies.count(), 3);
  assert.deepEqual(await view.locator('.diagram-title').allInnerTexts(), ['Architecture', 'Data and model design', 'Failure modes']);
  // The invalid diagram shows what is wrong in words, at the file's line, with mermaid's own message folded away;
  // the others still render. A failed diagram has no zoom, export or copy buttons.
  assert.equal(await view.locator('.diagram-error-message').innerText(), 'Line 31: The arrow `-->` leads nowhere; expected what it points to after it, as in `a --> b`.');
  assert.match(await view.locator('.diagram-error details pre').textContent() ?? '', /^Parse error on line \d+:/);
  assert.deepEqual(await view.locator('.diagram-error *').evaluateAll((els) => [...new Set(els.map((e) => e.tagName.toLowerCase()))].sort()), ['details', 'p', 'pre', 'summary'], 'the error is text in our own elements, not HTML from the diagram');
  assert.equal(await view.locator('.diagram.invalid vscode-toolbar-button').first().isVisible(), false, 'no buttons on a failed diagram');
  assert.equal(await view.locator('.diagram:not(.invalid) .diagram-tools').first().isVisible(), true);

  // Edit a node label in the editor: that diagram re-renders with it, the sequence diagram is left as it was.
  const first = bodies.nth(0).locator('svg');
  const second = bodies.nth(1).locator('svg');
  const secondId = await second.getAttribute('id');
  await page.locator('.editor-instance .monaco-editor').first().click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type('12:13');
  await page.keyboard.press('Enter');
  await page.keyboard.type(' Desk');
  await first.filter({ hasText: 'Agent Desk' }).waitFor({ timeout: 30_000 });
  assert.equal(await second.getAttribute('id'), secondId, 'an unchanged diagram is not re-rendered');
  await w.shot('2-edited');

  // Zoom in, fit to width and reset, on one diagram only.
  const tool = (i: number, label: string) => bodies.nth(i).locator('..').locator(`vscode-toolbar-button[label="${label}"]`);
  const width = (i: number) => bodies.nth(i).locator('svg').evaluate((svg) => svg.getBoundingClientRect().width);
  const before = await width(0);
  const otherBefore = await width(1);
  // Slightly wider than the panel, and fitting it keeps the labels at 11 px or more: 'auto' fits it.
  const auto = await bodies.nth(0).locator('..').evaluate((d) => ({ zoom: (d as HTMLElement).dataset.zoom, scale: Number((d as HTMLElement).dataset.scale) }));
  assert.equal(auto.zoom, 'auto');
  assert.ok(auto.scale < 1 && auto.scale * 16 >= 11, `fitted while readable: ${auto.scale}`);
  await tool(0, 'Zoom in').click();
  assert.ok(Math.abs((await width(0)) - before * 1.25) < 2, `zoomed in from ${before}px to ${await width(0)}px`);
  await tool(0, 'Fit to width').click();
  const inner = await bodies.nth(0).evaluate((b) => b.clientWidth - parseFloat(getComputedStyle(b).paddingLeft) - parseFloat(getComputedStyle(b).paddingRight));
  assert.ok(Math.abs((await width(0)) - inner) < 2, `fit: ${await width(0)}px in ${inner}px`);
  await tool(0, 'Actual size (100 %)').click();
  const naturalWidth = await bodies.nth(0).locator('svg').evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.width);
  assert.ok(Math.abs((await width(0)) - naturalWidth) < 1, `100 %: ${await width(0)}px for ${naturalWidth}px`);
  assert.equal(await width(1), otherBefore, 'the other diagram kept its size');
  await w.shot('2b-zoom');

  // Click a diagram's title: the editor selects its source lines (the block spans lines 19–25).
  await view.locator('.diagram-title', { hasText: 'Data and model design' }).click();
  await page.locator('.statusbar-item', { hasText: /Ln 25, Col 4 \(\d+ selected\)/ }).waitFor({ timeout: 15_000 });

  // A dark theme: every diagram is rendered again with mermaid's dark theme.
  const lightStyle = await second.locator('style').first().textContent();
  // Ctrl+K Ctrl+T: the Color Theme picker (the palette would also list the Marketplace command, which needs the network).
  await page.locator('.editor-instance .monaco-editor').first().click();
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor();
  await page.locator('.quick-input-widget input').fill('Dark Modern');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor();
  await page.keyboard.press('Enter');
  await view.locator('body[data-theme="dark"]').waitFor({ timeout: 15_000 });
  await view.locator(`.diagram-body svg:not([id="${secondId}"])`).nth(1).waitFor({ timeout: 30_000 });
  const darkStyle = await bodies.nth(1).locator('svg style').first().textContent();
  assert.notEqual(darkStyle, lightStyle, 'the dark render has other colours');
  await w.shot('3-dark');

  // Export the first diagram as SVG, twice: the second export is offered a new name and the first file stays.
  await bodies.nth(0).locator('..').locator('vscode-toolbar-button[label="Export as SVG"]').click();
  await acceptSaveDialog('diagrams-architecture.svg');
  const svgFile = join(design(), 'diagrams-architecture.svg');
  await exported(svgFile);
  const svgText = readFileSync(svgFile, 'utf8');
  assert.equal(await parseSvg(svgText), 'svg');
  assert.match(svgText, /Agent Desk/);
  const firstExport = statSync(svgFile).mtimeMs;
  await bodies.nth(0).locator('..').locator('vscode-toolbar-button[label="Export as SVG"]').click();
  await acceptSaveDialog('diagrams-architecture-2.svg');
  await exported(join(design(), 'diagrams-architecture-2.svg'));
  assert.equal(statSync(svgFile).mtimeMs, firstExport, 'the first export was not overwritten');

  // PNG of the flowchart (its labels are HTML in <foreignObject>, the case that can taint a canvas).
  await bodies.nth(0).locator('..').locator('vscode-toolbar-button[label="Export as PNG"]').click();
  await acceptSaveDialog('diagrams-architecture.png');
  const pngFile = join(design(), 'diagrams-architecture.png');
  await exported(pngFile);
  const png = readFileSync(pngFile);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  // Decoded by Chromium: twice the diagram's size, and more than a blank background (nodes, text, edges).
  const decoded = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    return { width: img.width, height: img.height, colours: colours.size };
  }, png.toString('base64'));
  const natural = await first.evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.width);
  assert.equal(decoded.width, Math.ceil(natural * 2));
  assert.ok(decoded.colours > 20, `the PNG has a drawing (${decoded.colours} colours)`);

  // The whole snapshot as one HTML file: text, rendered diagrams, the error, and a CSP that forbids scripts.
  await view.locator('#export-html').click();
  await acceptSaveDialog('diagrams.html');
  const htmlFile = join(design(), 'diagrams.html');
  await exported(htmlFile);
  const html = readFileSync(htmlFile, 'utf8');
  assert.equal((html.match(/<svg[\s>]/g) ?? []).length, 2);
  assert.match(html, /<h2>Data and model design<\/h2>/);
  assert.match(html, /This diagram did not render: Line 31: The arrow `-->` leads nowhere/);
  // exportTheme is light by default: the page is light to match its light diagrams, in a dark editor too.
  assert.match(html, /<meta name="color-scheme" content="light">/);
  assert.match(html, /http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;/);
  await w.shot('4-exported');

  await w.shot('5-failed-diagram-without-buttons');
});
