// Runs in the preview webview (browser): shows the active snapshot's diagrams, re-rendering only what changed.
import '@vscode-elements/elements/dist/vscode-toolbar-button/index.js';
import '@vscode-elements/elements/dist/vscode-toolbar-container/index.js';
import { parseHostMessage, type DiagramMessage, type HostMessage, type WebviewMessage } from '../shared/messages.js';
import { pngDataUrl, standaloneSvg } from './export.js';
import { Renderer, type RenderResult, type ThemeKind } from './renderer.js';

const vscode = acquireVsCodeApi();
const post = (m: WebviewMessage): void => vscode.postMessage(m);
const renderer = new Renderer();

/** One diagram on screen. `key` is what it shows (theme + source); `wanted` what it should show. */
interface Slot {
  root: HTMLElement;
  title: HTMLButtonElement;
  body: HTMLElement;
  diagram: DiagramMessage;
  index: number;
  key: string | undefined;
  wanted: string;
  result: RenderResult | undefined;
  /** undefined: mermaid's own size (natural, capped at the panel's width); 'fit': the panel's width; else a scale. */
  zoom: number | 'fit' | undefined;
}

const slots: Slot[] = [];
let current: Extract<HostMessage, { type: 'document' }> | undefined;
/** Grows with every document shown or theme change; a render of an older generation is dropped. */
let generation = 0;

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

function svgOf(slot: Slot): SVGSVGElement | null {
  return slot.body.querySelector(':scope > svg');
}

function applyZoom(slot: Slot): void {
  const svg = svgOf(slot);
  if (!svg) return;
  slot.root.dataset.zoom = slot.zoom === undefined ? 'auto' : String(slot.zoom);
  if (slot.zoom === undefined) {
    svg.style.width = '';
    svg.style.maxWidth = `${svg.viewBox.baseVal.width}px`;
  } else if (slot.zoom === 'fit') {
    svg.style.width = '100%';
    svg.style.maxWidth = 'none';
  } else {
    svg.style.width = `${svg.viewBox.baseVal.width * slot.zoom}px`;
    svg.style.maxWidth = 'none';
  }
}

/** The scale the diagram is shown at now, whatever its zoom mode. */
function currentScale(slot: Slot): number {
  const svg = svgOf(slot);
  const natural = svg?.viewBox.baseVal.width;
  if (typeof slot.zoom === 'number') return slot.zoom;
  return svg && natural ? svg.getBoundingClientRect().width / natural : 1;
}

function zoomBy(slot: Slot, factor: number): void {
  slot.zoom = Math.min(8, Math.max(0.1, currentScale(slot) * factor));
  applyZoom(slot);
}

function reveal(slot: Slot): void {
  if (!current) return;
  post({ type: 'reveal', uri: current.uri, startLine: slot.diagram.startLine, endLine: slot.diagram.endLine });
}

function background(): string {
  return getComputedStyle(document.body).backgroundColor || '#ffffff';
}

async function exportDiagram(slot: Slot, format: 'svg' | 'png'): Promise<void> {
  const svg = svgOf(slot);
  if (!svg) {
    post({ type: 'error', message: 'This diagram has an error, so there is nothing to export; fix it first.' });
    return;
  }
  try {
    const data = format === 'svg' ? standaloneSvg(svg) : await pngDataUrl(svg, background());
    post({ type: 'exportDiagram', format, index: slot.index, section: slot.diagram.section, data });
  } catch (e) {
    post({ type: 'error', message: `Could not export the diagram as ${format.toUpperCase()}: ${e instanceof Error ? e.message : String(e)}` });
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
  const body = document.createElement('div');
  body.className = 'diagram-body';
  body.tabIndex = 0;
  head.append(title, tools);
  root.append(head, body);
  const slot: Slot = { root, title, body, index, diagram: { source: '', section: '', startLine: 0, endLine: 0 }, key: undefined, wanted: '', result: undefined, zoom: undefined };
  tools.append(
    button('zoom-out', 'Zoom out', () => zoomBy(slot, 1 / 1.25)),
    button('zoom-in', 'Zoom in', () => zoomBy(slot, 1.25)),
    button('screen-normal', 'Reset zoom', () => {
      slot.zoom = undefined;
      applyZoom(slot);
    }),
    button('screen-full', 'Fit to width', () => {
      slot.zoom = 'fit';
      applyZoom(slot);
    }),
    button('export', 'Export as SVG', () => void exportDiagram(slot, 'svg'), 'SVG'),
    button('export', 'Export as PNG', () => void exportDiagram(slot, 'png'), 'PNG'),
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
    slot.body.innerHTML = result.svg;
    slot.root.dataset.securityLevel = result.securityLevel;
    applyZoom(slot);
  } else {
    const pre = document.createElement('pre');
    pre.className = 'diagram-error';
    pre.textContent = result.error;
    slot.body.replaceChildren(pre);
    delete slot.root.dataset.securityLevel;
  }
}

async function showDocument(msg: Extract<HostMessage, { type: 'document' }>): Promise<void> {
  if (current?.uri === msg.uri && msg.version < current.version) return;
  const mine = ++generation;
  const theme = themeKind();
  const started = performance.now();
  if (current?.uri !== msg.uri) for (const s of slots) s.zoom = undefined;
  current = msg;
  vscode.setState({ uri: msg.uri });
  titleEl.textContent = msg.title || 'Diagrams';
  emptyEl.textContent = msg.diagrams.length ? '' : 'This snapshot has no ```mermaid diagram yet.';
  while (slots.length > msg.diagrams.length) slots.pop()?.root.remove();
  const todo: Slot[] = [];
  let reused = 0;
  msg.diagrams.forEach((d, i) => {
    const slot = slots[i] ?? createSlot(i);
    if (!slots[i]) {
      slots.push(slot);
      main.append(slot.root);
    }
    slot.diagram = d;
    const lines = `lines ${d.startLine + 1}–${d.endLine + 1}`;
    slot.title.textContent = d.section || msg.title || `Diagram ${i + 1}`;
    slot.title.title = `Reveal the source (${lines})`;
    slot.root.dataset.lines = lines;
    slot.wanted = Renderer.key(theme, d.source);
    if (slot.key === slot.wanted) reused++;
    else todo.push(slot);
  });
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
  post({ type: 'rendered', version: msg.version, rendered, reused, errors, ms: performance.now() - started, theme });
}

async function exportHtml(): Promise<void> {
  if (!current) return;
  // The exported page is light, so its diagrams are rendered with the light theme (cached after the first export).
  const results = await Promise.all(current.diagrams.map((d) => renderer.render('light', d.source)));
  post({
    type: 'exportHtml',
    uri: current.uri,
    svgs: results.map((r) => (r && 'svg' in r ? r.svg : null)),
    errors: results.map((r) => (r && 'error' in r ? r.error : null)),
  });
}

function rerenderAll(): void {
  if (current) void showDocument(current);
}

window.addEventListener('message', (event: MessageEvent) => {
  const msg = parseHostMessage(event.data);
  if (!msg) return;
  performance.mark(`design-snapshot:${msg.type}`);
  switch (msg.type) {
    case 'document':
      void showDocument(msg);
      break;
    case 'empty':
      current = undefined;
      titleEl.textContent = 'Diagrams';
      emptyEl.textContent = msg.reason;
      while (slots.length) slots.pop()?.root.remove();
      break;
    case 'requestHtmlExport':
      void exportHtml();
      break;
  }
});

$('export-html').addEventListener('click', () => void exportHtml());
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

post({ type: 'ready' });
