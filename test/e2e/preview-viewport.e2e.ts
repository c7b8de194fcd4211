// Runs in Node under node:test: the diagram preview's viewport and exports in VS Code for the browser (code-server) in
// headless Chromium, as a person uses them. A wide diagram opens at 100 % with a horizontal scrollbar and readable
// labels; Ctrl+wheel zooms around the pointer; a drag pans; zoom survives an edit and the panel being hidden; in a
// dark theme exports are light with a background (checked in the pixels); copy puts an SVG on the clipboard; export
// all writes one file per diagram; diagrams with `layout: elk` and with logos/mdi icons render.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { openWorkbench, previewFrame, type Workbench } from './helpers.js';

let w: Workbench;
let page: Page;
let view: FrameLocator;
const design = (): string => join(w.h.workspace, 'docs', 'design');

before(async () => {
  w = await openWorkbench('test/fixtures/preview', 'e2e-viewport');
  page = w.page;
  // The clipboard test reads what the preview copied, as a paste would.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await w.openFromExplorer('docs', 'wide.md');
  view = previewFrame(page);
});

after(async () => {
  await w?.shot('last').catch(() => undefined);
  await w?.h.stop();
});

const diagram = (i: number): Locator => view.locator('.diagram').nth(i);
const body = (i: number): Locator => diagram(i).locator('.diagram-body');
const tool = (i: number, label: string): Locator => diagram(i).locator(`vscode-toolbar-button[label="${label}"]`);
const scale = async (i: number): Promise<number> => Number(await diagram(i).getAttribute('data-scale'));
/** The diagram's own SVG (icons inside it are SVGs too). */
const svgOf = (i: number): Locator => diagram(i).locator('.diagram-body > svg');

/** The smallest label of a diagram as drawn on screen: its font size times the SVG's on-screen scale. */
function smallestLabelOnScreen(i: number): Promise<number> {
  return svgOf(i).evaluate((svg) => {
      const s = svg as SVGSVGElement;
      const k = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
      let min = Infinity;
      for (const el of s.querySelectorAll('foreignObject span, text')) {
        if (el.textContent?.trim()) min = Math.min(min, parseFloat(getComputedStyle(el).fontSize) * k);
      }
      return min;
    });
}

/** Waits until a diagram's scale satisfies `predicate` (the webview reflects each zoom in data-scale). */
async function scaleWhere(i: number, predicate: (s: number) => boolean, what: string): Promise<number> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const s = await scale(i);
    if (predicate(s)) return s;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; scale ${s}`);
    await diagram(i).evaluate((el) => new Promise<void>((r) => new MutationObserver((_, o) => (o.disconnect(), r())).observe(el, { attributes: true, attributeFilter: ['data-scale'] })));
  }
}

async function acceptQuickInput(expectedEnd: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await page.waitForFunction((end) => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.replace(/\/$/, '').endsWith(end), expectedEnd);
  await page.keyboard.press('Enter');
}

/** The notification an export ends with: its text says what was written; it offers Open and Reveal in Explorer. */
async function exportNotification(text: string): Promise<Locator> {
  const toast = page.locator('.notification-toast', { hasText: text }).last();
  await toast.waitFor({ timeout: 30_000 });
  await toast.locator('.monaco-button', { hasText: 'Open' }).first().waitFor();
  await toast.locator('.monaco-button', { hasText: 'Reveal in Explorer' }).waitFor();
  return toast;
}

/** Clears a notification: VS Code shows at most three toasts at a time. */
async function dismiss(toast: Locator): Promise<void> {
  await toast.hover();
  await toast.locator('.codicon-notifications-clear').click();
  await toast.waitFor({ state: 'detached' });
}

/** Decodes a PNG (or an SVG drawn into an image) in Chromium; its size and the colours at a few points. */
async function pixels(src: string): Promise<{ width: number; height: number; corner: number[]; darkShare: number }> {
  return page.evaluate(async (url) => {
    const img = new Image();
    img.src = url;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let p = 0; p < data.length; p += 4) if ((data[p] ?? 0) + (data[p + 1] ?? 0) + (data[p + 2] ?? 0) < 200 && (data[p + 3] ?? 0) > 200) dark++;
    return { width: c.width, height: c.height, corner: [...ctx.getImageData(1, 1, 1, 1).data], darkShare: dark / (data.length / 4) };
  }, src);
}

test('e2e viewport: a wide diagram opens at 100 % and scrolls; Ctrl+wheel zooms, drag pans, and zoom survives an edit and a hidden panel', async () => {
  await w.palette('Design Snapshot: Open Diagram Preview');
  await svgOf(0).waitFor({ timeout: 60_000 });
  await w.shot('1-wide-at-100');
  // Fitting the recommender's architecture to this panel would shrink its 16 px labels below 11 px: it stays at 100 %.
  assert.equal(await diagram(0).getAttribute('data-zoom'), 'auto');
  assert.equal(await scale(0), 1);
  assert.equal(await diagram(0).locator('.zoom-level').innerText(), '100 %');
  const overflow = await body(0).evaluate((b) => ({ scroll: b.scrollWidth, client: b.clientWidth }));
  assert.ok(overflow.scroll > overflow.client + 50, `a horizontal scrollbar: ${overflow.scroll} > ${overflow.client}`);
  const label = await smallestLabelOnScreen(0);
  assert.ok(label >= 11, `labels drawn at ${label.toFixed(1)} px`);

  // Fit and 100 % are distinct: Fit makes the diagram as wide as the panel (and its labels small), 100 % restores it.
  await tool(0, 'Fit to width').click();
  const fit = await scaleWhere(0, (s) => s < 1, 'fit');
  assert.ok(fit < 0.9, `fit scale ${fit}`);
  await tool(0, 'Actual size (100 %)').click();
  await scaleWhere(0, (s) => s === 1, '100 %');

  // Ctrl+wheel over the diagram zooms in around the pointer: the point under it stays under it.
  const box = await body(0).boundingBox();
  assert.ok(box);
  const at = { x: box.x + box.width * 0.75, y: box.y + box.height * 0.5 };
  // Where that page point falls on the diagram, as fractions of its width and height (frame coordinates inside).
  const frameOrigin = await body(0).evaluate((b) => ({ x: b.getBoundingClientRect().left, y: b.getBoundingClientRect().top }));
  const inFrame = { x: at.x - (box.x - frameOrigin.x), y: at.y - (box.y - frameOrigin.y) };
  const pointOnDiagram = (): Promise<{ u: number; v: number }> =>
    svgOf(0).evaluate((svg, p) => {
        const r = svg.getBoundingClientRect();
        return { u: (p.x - r.left) / r.width, v: (p.y - r.top) / r.height };
      }, inFrame);
  const pointBefore = await pointOnDiagram();
  await page.mouse.move(at.x, at.y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  const zoomed = await scaleWhere(0, (s) => s > 1.1, 'Ctrl+wheel zoom');
  await w.shot('2-ctrl-wheel');
  const pointAfter = await pointOnDiagram();
  assert.ok(Math.abs(pointAfter.u - pointBefore.u) < 0.02, `zoomed around the pointer: ${pointBefore.u.toFixed(3)} → ${pointAfter.u.toFixed(3)}`);
  assert.equal(await diagram(0).locator('.zoom-level').innerText(), `${Math.round(zoomed * 100)} %`);

  // Drag to pan: the view follows the pointer, and the drag does not count as a click on the diagram.
  const left = await body(0).evaluate((b) => b.scrollLeft);
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x - 150, at.y, { steps: 5 });
  await page.mouse.up();
  const panned = await body(0).evaluate((b) => b.scrollLeft);
  assert.ok(panned - left > 100, `dragged 150 px left: scrollLeft ${left} → ${panned}`);
  // A click on a diagram reveals its source in the editor, which takes the focus; a drag leaves it in the preview.
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'IFRAME', 'the drag did not reveal the source');

  // Keyboard zoom on the focused diagram.
  await body(0).focus();
  await page.keyboard.press('+');
  await scaleWhere(0, (s) => Math.abs(s - zoomed * 1.25) < 0.01, 'keyboard zoom');
  const kept = await scale(0);
  const keptLeft = await body(0).evaluate((b) => b.scrollLeft / (b.scrollWidth - b.clientWidth));

  // Edit the diagram's text: it re-renders with its zoom and scroll as they were.
  const svgId = await svgOf(0).getAttribute('id');
  await page.locator('.editor-instance .monaco-editor').first().click();
  await page.keyboard.press('Control+G');
  // Line 12 is `  app[Client] --> api[Recommendation API]`: after "Recommendation".
  await page.keyboard.type('12:37');
  await page.keyboard.press('Enter');
  await page.keyboard.type(' Edge');
  await diagram(0).locator(`.diagram-body > svg:not([id="${svgId}"])`).filter({ hasText: 'Recommendation Edge' }).waitFor({ timeout: 30_000 });
  assert.equal(await scale(0), kept, 'the zoom survived the edit');
  const leftAfterEdit = await body(0).evaluate((b) => b.scrollLeft / (b.scrollWidth - b.clientWidth));
  assert.ok(Math.abs(leftAfterEdit - keptLeft) < 0.02, `scroll kept: ${keptLeft.toFixed(3)} → ${leftAfterEdit.toFixed(3)}`);
  await w.shot('3-after-edit');

  // Hide the panel (another editor in its group: the webview is torn down) and show it again: zoom and scroll are back.
  const previewTab = page.locator('.tabs-container .tab', { hasText: 'Diagrams: wide.md' });
  await previewTab.click();
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'README.md' }).first().click();
  await page.locator('.tabs-container .tab.active', { hasText: 'README.md' }).waitFor();
  await page.locator('iframe.webview.ready').waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  await previewTab.click();
  await svgOf(0).waitFor({ timeout: 60_000 });
  await scaleWhere(0, (s) => s === kept, 'the zoom restored after the panel was shown again');
  const leftRestored = await body(0).evaluate((b) => b.scrollLeft / (b.scrollWidth - b.clientWidth));
  assert.ok(Math.abs(leftRestored - keptLeft) < 0.02, `scroll restored: ${keptLeft.toFixed(3)} → ${leftRestored.toFixed(3)}`);
  await w.shot('4-restored');
});

test('e2e: diagrams with layout: elk and with logos and mdi icons render, from bundled chunks', async () => {
  await svgOf(2).waitFor({ timeout: 60_000 });
  assert.equal(await view.locator('.diagram-error').count(), 0, 'no diagram failed');
  assert.equal(await diagram(2).locator('.diagram-notice').isHidden(), true, 'no missing-icon notice');
  // The ELK renderer and both icon packs came as chunks of the webview's own bundle.
  const scripts = await view.locator('body').evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.js(\?|$)/.test(n)));
  assert.ok(scripts.some((n) => /\/chunks\/render-[\w-]+\.js/.test(n)), `ELK's renderer loaded: ${scripts.filter((n) => /render/.test(n)).join(', ')}`);
  assert.equal(scripts.filter((n) => /\/chunks\/icons-[\w-]+\.js/.test(n)).length, 2, 'the logos and mdi packs loaded');
  // The icons are drawn, not mermaid's "?" for an unknown icon.
  const icons = await svgOf(2).evaluate((svg) => ({
    unknown: [...svg.querySelectorAll('text, tspan')].filter((t) => t.textContent?.trim() === '?').length,
    paths: svg.querySelectorAll('.architecture-service path, .architecture-groups path, g path').length,
  }));
  assert.equal(icons.unknown, 0, 'no "?" placeholder icon');
  assert.ok(icons.paths >= 4, `icon paths drawn: ${icons.paths}`);
  await diagram(1).scrollIntoViewIfNeeded();
  await w.shot('5-elk-and-icons');

  // A misspelt icon: the diagram still renders (mermaid draws a "?"), and the preview says what mermaid-syntax says.
  await page.locator('.editor-instance .monaco-editor').first().click();
  await page.keyboard.press('Control+G');
  // Line 48 is `  service disk(logos:aws-s3)[Storage] in api`: the "3" of aws-s3.
  const problems = async (): Promise<number> => Number(/· (\d+)/.exec(await page.locator('.statusbar-item', { hasText: /Snapshot \d+\/\d+/ }).innerText())?.[1] ?? 0);
  const before = await problems();
  await page.keyboard.type('48:27');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await page.keyboard.type('4');
  const notice = diagram(2).locator('.diagram-notice');
  await notice.waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal(await notice.innerText(), 'Line 48: The `logos` icon pack has no icon `logos:aws-s4`, so mermaid would draw a question mark; expected `logos:aws-s3`.');
  assert.equal(await svgOf(2).count(), 1, 'the diagram is still drawn');
  // mermaid-syntax reports it in the editor too (one more problem in the status bar).
  await page.locator('.statusbar-item', { hasText: new RegExp(`Snapshot \\d+/\\d+ · ${before + 1}\\b`) }).waitFor({ timeout: 30_000 });
  await w.shot('5b-missing-icon');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('3');
  await notice.waitFor({ state: 'hidden', timeout: 30_000 });
});

test('e2e exports in a dark theme: light SVG and PNG with a background, a notification to open them, copy, export all', async () => {
  await page.locator('.editor-instance .monaco-editor').first().click();
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  await page.locator('.quick-input-widget input').fill('Dark Modern');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor();
  await page.keyboard.press('Enter');
  await view.locator('body[data-theme="dark"]').waitFor({ timeout: 15_000 });
  await svgOf(0).waitFor();
  await w.shot('6-dark');

  // SVG: light (designSnapshot.preview.exportTheme defaults to light) with an explicit white background.
  await tool(0, 'Export as SVG').click();
  await acceptQuickInput('wide-architecture.svg');
  const toast = await exportNotification('exported docs/design/wide-architecture.svg');
  await w.shot('7-export-notification');
  const svgText = readFileSync(join(design(), 'wide-architecture.svg'), 'utf8');
  assert.match(svgText, /^<svg[^>]+style="[^"]*background-color: rgb\(255, 255, 255\)|^<svg[^>]+style="[^"]*background-color: #ffffff/);
  assert.match(svgText, /<rect class="ds-export-background"[^>]*fill="#ffffff"/);
  // Drawn by Chromium on its own: a white page with dark strokes and text on it (a dark-theme SVG would be light on white).
  const drawn = await pixels(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`);
  assert.deepEqual(drawn.corner.slice(0, 3), [255, 255, 255], 'white background');
  assert.ok(drawn.darkShare > 0.003, `dark strokes and text: ${(drawn.darkShare * 100).toFixed(2)} % of pixels`);
  // "Open" opens the export.
  await toast.locator('.monaco-button', { hasText: 'Open' }).first().click();
  const opened = page.locator('.tabs-container .tab', { hasText: 'wide-architecture.svg' });
  await opened.waitFor({ timeout: 15_000 });
  // Close it again: VS Code shows an SVG in a webview of its own, and the preview must stay the only one.
  await opened.hover();
  await opened.locator('.codicon-close').click();
  await opened.waitFor({ state: 'detached' });

  // PNG: twice the diagram's size (designSnapshot.preview.pngScale), white, not the dark panel's background.
  await page.locator('.tabs-container .tab', { hasText: 'Diagrams: wide.md' }).click();
  await tool(0, 'Export as PNG').click();
  await acceptQuickInput('wide-architecture.png');
  await dismiss(await exportNotification('exported docs/design/wide-architecture.png'));
  const png = readFileSync(join(design(), 'wide-architecture.png'));
  const decoded = await pixels(`data:image/png;base64,${png.toString('base64')}`);
  const natural = await svgOf(0).evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.width);
  assert.equal(decoded.width, Math.ceil(natural * 2));
  assert.deepEqual(decoded.corner.slice(0, 3), [255, 255, 255], 'a light PNG in a dark theme');
  assert.ok(decoded.darkShare > 0.003, `dark strokes and text: ${(decoded.darkShare * 100).toFixed(2)} % of pixels`);

  // Copy as SVG: the clipboard holds the SVG, as a paste into an editor would get it.
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  await tool(0, 'Copy as SVG').click();
  await page.locator('.statusbar-item', { hasText: 'copied the diagram as SVG' }).waitFor({ timeout: 15_000 });
  const pasted = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(pasted, /^<svg[\s>]/);
  assert.match(pasted, /Recommendation Edge/);
  assert.match(pasted, /class="ds-export-background"/);
  // Copy as PNG: an image on the clipboard, light, at the PNG scale.
  await tool(0, 'Copy as PNG').click();
  await page.locator('.statusbar-item', { hasText: 'copied the diagram as PNG' }).waitFor({ timeout: 15_000 });
  const clip = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    if (!item?.types.includes('image/png')) return { types: item?.types ?? [], url: '' };
    const blob = await item.getType('image/png');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    return { types: item.types, url: `data:image/png;base64,${btoa(bin)}` };
  });
  assert.ok(clip.url, `an image/png on the clipboard (types: ${clip.types.join(', ')})`);
  const copied = await pixels(clip.url);
  assert.equal(copied.width, Math.ceil(natural * 2));
  assert.deepEqual(copied.corner.slice(0, 3), [255, 255, 255]);

  // Export all: one file per diagram, in the folder picked (the snapshot's), none replaced.
  const before = new Set(readdirSync(design()));
  await view.locator('#export-all').click();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'SVG' }).first().waitFor();
  await page.keyboard.press('Enter');
  await acceptQuickInput('docs/design');
  await exportNotification('exported 3 diagrams as SVG to docs/design');
  const added = readdirSync(design()).filter((f) => !before.has(f)).sort();
  assert.deepEqual(added, ['wide-architecture-2.svg', 'wide-layout-with-elk.svg', 'wide-storage-icons.svg']);
  assert.equal(readFileSync(join(design(), 'wide-architecture.svg'), 'utf8'), svgText, 'the earlier export was not replaced');
  for (const f of added) assert.match(readFileSync(join(design(), f), 'utf8'), /^<svg[\s\S]*class="ds-export-background"/);
  await w.shot('8-exported-all');
});
