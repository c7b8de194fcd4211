// Runs in the preview webview (browser): shows the active snapshot's diagrams, re-rendering only what changed; each
// diagram has its own zoom and scroll (kept across re-renders and while the panel is hidden), exports and copies.
// The toolbar's components load with this module (not later): their icons then fetch the codicon font while the page
// is still idle, rather than in the middle of rendering, when a webview's fetches wait for its main thread.
// './l10n.js' comes first: the translations are configured before any module that shows text runs.
import './l10n.js';
import * as l10n from '@vscode/l10n';
import '@vscode-elements/elements/dist/vscode-toolbar-button/index.js';
import '@vscode-elements/elements/dist/vscode-toolbar-container/index.js';
import type { ExplainedError } from '../core/mermaid-errors.js';
import { parseHostMessage, parsePreviewState, type DiagramMessage, type ExportedImage, type HostMessage, type ImageFormat, type PreviewOptions, type WebviewMessage } from '../shared/messages.js';
import { copyPng, copySvg, pngBlob, pngDataUrl, standaloneSvg, svgElement } from './export.js';
import { prefetch, preloadFirst } from './prefetch.js';
import { loadMermaid, Renderer, THEME_BACKGROUND, type RenderResult, type ThemeKind } from './renderer.js';
import { Viewport, ZOOM_STEP } from './viewport.js';

performance.mark('design-snapshot:script');
preloadFirst();
const vscode = acquireVsCodeApi();
const post = (m: WebviewMessage): void => vscode.postMessage(m);
const renderer = new Renderer();
// Mermaid's chunk starts loading now, while the host reads the snapshot.
void loadMermaid().then(() => performance.mark('design-snapshot:mermaid-loaded'));

/** One diagram on screen. `key` is what it shows (theme + source); `wanted` what it should show. */
interface Slot {
  root: HTMLElement;
  title: HTMLButtonElement;
  notice: HTMLElement;
  body: HTMLElement;
  view: Viewport;
  diagram: DiagramMessage;
  index: number;
  key: string | undefined;
  wanted: string;
  result: RenderResult | undefined;
}

const slots: Slot[] = [];
let current: Extract<HostMessage, { type: 'document' }> | undefined;
let options: PreviewOptions = { exportTheme: 'light', pngScale: 2 };
/** Grows with every document shown or theme change; a render of an older generation is dropped. */
let generation = 0;
/** Zoom and scroll saved before the webview was last torn down (hidden, or the window reloaded). */
let restoring = parsePreviewState(vscode.getState());

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const main = $('diagrams');
const titleEl = $('title');
const emptyEl = $('empty');

function themeKind(): ThemeKind {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'hc-light';
  if (c.contains('vscode-high-contrast')) return 'hc-dark';
  return c.contains('vscode-dark') ? 'dark' : 'light';
}

let saving = false;
/** Saves the snapshot and each diagram's zoom and scroll, at most once a frame. */
function saveState(): void {
  if (saving || !current) return;
  saving = true;
  requestAnimationFrame(() => {
    saving = false;
    if (current) vscode.setState({ uri: current.uri, views: slots.map((s) => s.view.state) });
  });
}

function button(icon: string, label: string, onClick: () => void, text?: string): HTMLElement {
  const b = document.createElement('vscode-toolbar-button');
  b.setAttribute('icon', icon);
  b.setAttribute('label', label);
  b.title = label;
  if (text) b.textContent = text;
  b.addEventListener('click', (e) => {
    e.stopPropagation();
    onClick();
  });
  return b;
}

function reveal(slot: Slot): void {
  if (!current) return;
  post({ type: 'reveal', uri: current.uri, startLine: slot.diagram.startLine, endLine: slot.diagram.endLine });
}

/** An explanation as the preview shows it: the file's line, then the words. */
function inWords(slot: Slot, x: ExplainedError): string {
  return l10n.t('Line {0}: {1}', slot.diagram.startLine + 2 + x.line, x.message);
}

/** The theme exports are rendered in: light (the default), or the editor's. */
function exportTheme(): ThemeKind {
  return options.exportTheme === 'light' ? 'light' : themeKind();
}

function exportBackground(theme: ThemeKind): string {
  if (options.exportTheme === 'match') return getComputedStyle(document.body).backgroundColor || THEME_BACKGROUND[theme];
  return THEME_BACKGROUND[theme];
}

/** The diagram rendered in the export theme, as an element; undefined (and a message to the host) when it has an error. */
async function exportable(slot: Slot): Promise<{ svg: SVGSVGElement; background: string } | undefined> {
  const theme = exportTheme();
  const result = await renderer.render(theme, slot.diagram.source);
  if (!result || 'error' in result) {
    post({ type: 'error', message: l10n.t('This diagram has an error, so there is nothing to export; fix it first.') });
    return undefined;
  }
  return { svg: svgElement(result.svg), background: exportBackground(theme) };
}

async function exportDiagram(slot: Slot, format: ImageFormat): Promise<void> {
  try {
    const e = await exportable(slot);
    if (!e) return;
    const data = format === 'svg' ? standaloneSvg(e.svg, e.background) : await pngDataUrl(e.svg, e.background, options.pngScale);
    post({ type: 'exportDiagram', format, index: slot.index, section: slot.diagram.section, data });
  } catch (err) {
    post({ type: 'error', message: l10n.t('Could not export the diagram as {0}: {1}', format.toUpperCase(), err instanceof Error ? err.message : String(err)) });
  }
}

async function copyDiagram(slot: Slot, format: ImageFormat): Promise<void> {
  try {
    if (format === 'png') {
      // The clipboard write starts within the click; the PNG it waits for is drawn meanwhile.
      const blob = exportable(slot).then((e) => {
        if (!e) throw new Error(l10n.t('the diagram has an error'));
        return pngBlob(e.svg, e.background, options.pngScale);
      });
      await copyPng(blob);
      post({ type: 'copied', format });
      return;
    }
    const e = await exportable(slot);
    if (!e) return;
    const data = standaloneSvg(e.svg, e.background);
    post((await copySvg(data)) ? { type: 'copied', format } : { type: 'copy', format: 'svg', data });
  } catch (err) {
    post({ type: 'error', message: l10n.t('Could not copy the diagram as {0}: {1}', format.toUpperCase(), err instanceof Error ? err.message : String(err)) });
  }
}

function createSlot(index: number): Slot {
  const root = document.createElement('section');
  root.className = 'diagram';
  const head = document.createElement('div');
  head.className = 'diagram-head';
  const title = document.createElement('button');
  title.className = 'diagram-title';
  const tools = document.createElement('vscode-toolbar-container');
  tools.className = 'diagram-tools';
  const notice = document.createElement('p');
  notice.className = 'diagram-notice';
  notice.hidden = true;
  const body = document.createElement('div');
  body.className = 'diagram-body';
  body.tabIndex = 0;
  body.setAttribute('aria-label', l10n.t('Diagram: drag to pan, Ctrl+wheel or + and - to zoom, 0 for 100 %, F to fit, Enter to reveal the source'));
  head.append(title, tools);
  root.append(head, notice, body);
  const view = new Viewport(body, saveState);
  const slot: Slot = { root, title, notice, body, view, index, diagram: { source: '', section: '', startLine: 0, endLine: 0 }, key: undefined, wanted: '', result: undefined };
  const level = document.createElement('span');
  level.className = 'zoom-level';
  level.title = l10n.t('Zoom');
  // The zoom level is a number and a per cent sign, the same in every language the preview speaks.
  level.textContent = '100 %';
  tools.append(
    button('zoom-out', l10n.t('Zoom out'), () => view.zoomBy(1 / ZOOM_STEP)),
    level,
    button('zoom-in', l10n.t('Zoom in'), () => view.zoomBy(ZOOM_STEP)),
    button('screen-full', l10n.t('Fit to width'), () => view.fit(), l10n.t('Fit')),
    button('screen-normal', l10n.t('Actual size (100 %)'), () => view.actual(), '100 %'),
    button('export', l10n.t('Export as SVG'), () => void exportDiagram(slot, 'svg'), 'SVG'),
    button('export', l10n.t('Export as PNG'), () => void exportDiagram(slot, 'png'), 'PNG'),
    button('copy', l10n.t('Copy as SVG'), () => void copyDiagram(slot, 'svg'), 'SVG'),
    button('copy', l10n.t('Copy as PNG'), () => void copyDiagram(slot, 'png'), 'PNG'),
  );
  title.addEventListener('click', () => reveal(slot));
  body.addEventListener('click', () => reveal(slot));
  body.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') reveal(slot);
  });
  return slot;
}

function show(slot: Slot, key: string, result: RenderResult): void {
  slot.key = key;
  slot.result = result;
  slot.root.classList.toggle('invalid', 'error' in result);
  if ('svg' in result) {
    // Mermaid's output under securityLevel 'strict' has been through DOMPurify; the CSP backs that up.
    slot.view.hold();
    slot.body.innerHTML = result.svg;
    slot.root.dataset.securityLevel = result.securityLevel;
    const svg = slot.body.querySelector<SVGSVGElement>(':scope > svg');
    if (svg) slot.view.attach(svg);
    slot.notice.hidden = !result.problem;
    slot.notice.textContent = result.problem ? inWords(slot, result.problem) : '';
  } else {
    // The error in words where the diagram would be; mermaid's own message folded away for experts. Text only.
    const box = document.createElement('div');
    box.className = 'diagram-error';
    box.setAttribute('role', 'alert');
    const words = document.createElement('p');
    words.className = 'diagram-error-message';
    words.textContent = inWords(slot, result.error);
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = l10n.t("Mermaid's message");
    const pre = document.createElement('pre');
    pre.textContent = result.error.original;
    details.append(summary, pre);
    box.append(words, details);
    slot.view.hold();
    slot.body.replaceChildren(box);
    slot.view.detach();
    slot.notice.hidden = true;
    delete slot.root.dataset.securityLevel;
  }
}

async function showDocument(msg: Extract<HostMessage, { type: 'document' }>): Promise<void> {
  if (current?.uri === msg.uri && msg.version < current.version) return;
  const mine = ++generation;
  const theme = themeKind();
  const started = performance.now();
  if (current && current.uri !== msg.uri) for (const s of slots) s.view.reset();
  current = msg;
  options = msg.options;
  titleEl.textContent = msg.title || l10n.t('Diagrams');
  emptyEl.textContent = msg.diagrams.length
    ? ''
    : l10n.t('This snapshot has no Mermaid diagram yet. Add a fenced code block whose language is mermaid (the ds-mermaid snippet inserts one) and it appears here.');
  while (slots.length > msg.diagrams.length) slots.pop()?.root.remove();
  const restore = restoring?.uri === msg.uri ? restoring.views : undefined;
  restoring = undefined;
  const todo: Slot[] = [];
  let reused = 0;
  msg.diagrams.forEach((d, i) => {
    const slot = slots[i] ?? createSlot(i);
    if (!slots[i]) {
      slots.push(slot);
      main.append(slot.root);
    }
    const view = restore?.[i];
    if (view) slot.view.restore(view);
    slot.diagram = d;
    slot.title.textContent = d.section || msg.title || l10n.t('Diagram {0}', i + 1);
    slot.title.title = l10n.t('Reveal the source (lines {0}–{1})', d.startLine + 1, d.endLine + 1);
    // Data, not text (no one reads it but scripts): the same in every language.
    slot.root.dataset.lines = `lines ${d.startLine + 1}–${d.endLine + 1}`;
    slot.wanted = Renderer.key(theme, d.source);
    if (slot.key === slot.wanted) reused++;
    else todo.push(slot);
  });
  saveState();
  // The chunks of the diagram types this snapshot has, fetched together before the first render keeps the page busy.
  await prefetch(todo.map((slot) => slot.diagram.source));
  if (generation !== mine) return;
  let rendered = 0;
  let errors = 0;
  for (const slot of todo) {
    const wanted = slot.wanted;
    const cached = renderer.cached(theme, slot.diagram.source);
    const result = cached ?? (await renderer.render(theme, slot.diagram.source, () => generation !== mine || slot.wanted !== wanted));
    // A newer document or theme took over while this one rendered: drop the rest.
    if (generation !== mine) return;
    if (!result || slot.wanted !== wanted) continue;
    if (cached) reused++;
    else rendered++;
    show(slot, wanted, result);
  }
  for (const s of slots) if (s.result && 'error' in s.result) errors++;
  performance.mark('design-snapshot:rendered');
  post({ type: 'rendered', version: msg.version, rendered, reused, errors, ms: performance.now() - started, theme });
}

/** Every diagram of the snapshot in the export theme: the SVG elements of those that render, and the errors of the rest. */
async function renderAllForExport(): Promise<Array<{ slot: Slot; svg?: SVGSVGElement; error?: string }>> {
  const theme = exportTheme();
  const out: Array<{ slot: Slot; svg?: SVGSVGElement; error?: string }> = [];
  for (const slot of slots.slice(0, current?.diagrams.length ?? 0)) {
    const r = await renderer.render(theme, slot.diagram.source);
    if (r && 'svg' in r) out.push({ slot, svg: svgElement(r.svg) });
    else out.push({ slot, error: r ? inWords(slot, r.error) : l10n.t('not rendered') });
  }
  return out;
}

async function exportHtml(): Promise<void> {
  if (!current) return;
  const uri = current.uri;
  const theme = exportTheme();
  const all = await renderAllForExport();
  const background = exportBackground(theme);
  post({
    type: 'exportHtml',
    uri,
    svgs: all.map((a) => (a.svg ? standaloneSvg(a.svg, background) : null)),
    errors: all.map((a) => a.error ?? null),
    colorScheme: theme === 'dark' || theme === 'hc-dark' ? 'dark' : 'light',
  });
}

async function exportAll(format: ImageFormat): Promise<void> {
  try {
    const background = exportBackground(exportTheme());
    const files: ExportedImage[] = [];
    let skipped = 0;
    for (const a of await renderAllForExport()) {
      if (!a.svg) {
        skipped++;
        continue;
      }
      const data = format === 'svg' ? standaloneSvg(a.svg, background) : await pngDataUrl(a.svg, background, options.pngScale);
      files.push({ index: a.slot.index, section: a.slot.diagram.section, data });
    }
    post({ type: 'exportAll', format, files, skipped });
  } catch (err) {
    post({ type: 'error', message: l10n.t('Could not export the diagrams: {0}', err instanceof Error ? err.message : String(err)) });
  }
}

function rerenderAll(): void {
  if (current) void showDocument(current);
}

function receive(msg: HostMessage): void {
  performance.mark(`design-snapshot:${msg.type}`);
  switch (msg.type) {
    case 'document':
      void showDocument(msg);
      break;
    case 'empty':
      current = undefined;
      titleEl.textContent = l10n.t('Diagrams');
      emptyEl.textContent = msg.reason;
      while (slots.length) slots.pop()?.root.remove();
      break;
    case 'requestHtmlExport':
      void exportHtml();
      break;
    case 'requestExportAll':
      void exportAll(msg.format);
      break;
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  const msg = parseHostMessage(event.data);
  if (msg) receive(msg);
});

$('export-html').addEventListener('click', () => void exportHtml());
$('export-all').addEventListener('click', () => post({ type: 'askExportAll' }));
// Links inside diagrams are not followed (a click on a diagram reveals its source): no native navigation, and the
// click never reaches the window-level handler through which VS Code would open the link.
main.addEventListener('click', (e) => {
  if (!e.composedPath().some((n) => n instanceof Element && n.tagName.toLowerCase() === 'a')) return;
  e.preventDefault();
  e.stopPropagation();
});
// VS Code sets the theme as classes on <body>; follow them and re-render with the matching mermaid theme.
let lastTheme = themeKind();
new MutationObserver(() => {
  const next = themeKind();
  if (next === lastTheme) return;
  lastTheme = next;
  document.body.dataset.theme = next;
  rerenderAll();
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });
document.body.dataset.theme = lastTheme;

// The snapshot the host wrote into the page, shown at once: no wait for 'ready' to reach the host and the snapshot to
// come back. Not when the page had been shown before (hidden and shown again, it is written anew from the same HTML):
// that snapshot may be old, and the host sends the current one on 'ready'.
if (!vscode.getState()) {
  try {
    const first = parseHostMessage(JSON.parse(document.getElementById('first-message')?.textContent ?? 'null'));
    if (first) receive(first);
  } catch {
    // Nothing readable: the host sends the snapshot on 'ready'.
  }
}
post({ type: 'ready' });
