// Runs in the preview webview: turns a rendered diagram into a standalone SVG file or a PNG, on an explicit
// background (an SVG with none shows its light strokes on whatever page it lands on), and onto the clipboard.
import * as l10n from '@vscode/l10n';

/** The diagram's own size in CSS pixels, from its viewBox (mermaid always sets one). */
export function naturalSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox?.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const r = svg.getBoundingClientRect();
  return { width: Math.max(1, r.width), height: Math.max(1, r.height) };
}

/** Mermaid's SVG text as an element (parsed as HTML, as mermaid serialized it), without attaching it anywhere. */
export function svgElement(svgText: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(`<!DOCTYPE html><body>${svgText}`, 'text/html');
  const svg = doc.body.querySelector('svg');
  if (!svg) throw new Error(l10n.t('The render holds no SVG.'));
  return svg;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The diagram as a well-formed SVG document at its natural size, with `background` painted behind it (a rect
 * under everything, and the root's background colour for viewers that show it). Serialized with XMLSerializer,
 * so HTML inside labels comes out as XML (`<br/>`), which mermaid's own string does not guarantee.
 */
export function standaloneSvg(svg: SVGSVGElement, background: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = naturalSize(svg);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(Math.ceil(width)));
  copy.setAttribute('height', String(Math.ceil(height)));
  copy.style.removeProperty('max-width');
  copy.style.removeProperty('width');
  copy.style.removeProperty('height');
  copy.style.setProperty('background-color', background);
  const box = svg.viewBox?.baseVal;
  const rect = copy.ownerDocument.createElementNS(SVG_NS, 'rect');
  rect.setAttribute('class', 'ds-export-background');
  rect.setAttribute('x', String(box?.x ?? 0));
  rect.setAttribute('y', String(box?.y ?? 0));
  rect.setAttribute('width', String(Math.ceil(width)));
  rect.setAttribute('height', String(Math.ceil(height)));
  rect.setAttribute('fill', background);
  // First after mermaid's <style> and <defs>, so it is painted under everything.
  const after = [...copy.children].find((c) => !['style', 'defs', 'title', 'desc'].includes(c.localName));
  copy.insertBefore(rect, after ?? null);
  return new XMLSerializer().serializeToString(copy);
}

/** An SVG document drawn on a canvas at `scale` times its natural size. */
async function canvasOf(svgText: string, width: number, height: number, background: string, scale: number): Promise<HTMLCanvasElement> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(l10n.t('This webview cannot draw on a canvas.'));
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** The diagram as a PNG data URL, at `scale` times its natural size, on `background`. */
export async function pngDataUrl(svg: SVGSVGElement, background: string, scale = 2): Promise<string> {
  const { width, height } = naturalSize(svg);
  return (await canvasOf(standaloneSvg(svg, background), width, height, background, scale)).toDataURL('image/png');
}

/** The diagram as a PNG blob (for the clipboard). */
export async function pngBlob(svg: SVGSVGElement, background: string, scale = 2): Promise<Blob> {
  const { width, height } = naturalSize(svg);
  const canvas = await canvasOf(standaloneSvg(svg, background), width, height, background, scale);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(l10n.t('The canvas gave no PNG.')))), 'image/png'));
}

/**
 * Puts the SVG on the clipboard as text (what editors paste) and as an image (what design tools paste).
 * Resolves false when the webview may not write the clipboard; the host then writes the text.
 */
export async function copySvg(svgText: string): Promise<boolean> {
  try {
    const items: Record<string, Blob> = { 'text/plain': new Blob([svgText], { type: 'text/plain' }) };
    if (ClipboardItem.supports?.('image/svg+xml')) items['image/svg+xml'] = new Blob([svgText], { type: 'image/svg+xml' });
    await navigator.clipboard.write([new ClipboardItem(items)]);
    return true;
  } catch {
    return false;
  }
}

/** Puts a PNG on the clipboard; the promise keeps the click's permission while the PNG is drawn. */
export async function copyPng(png: Promise<Blob>): Promise<void> {
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
}
