// Runs in the preview webview: turns a rendered diagram into a standalone SVG file or a PNG.

/** The diagram's own size in CSS pixels, from its viewBox (mermaid always sets one). */
export function naturalSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox?.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const r = svg.getBoundingClientRect();
  return { width: Math.max(1, r.width), height: Math.max(1, r.height) };
}

/**
 * The diagram as a well-formed SVG document at its natural size. Serialized from the
 * live DOM with XMLSerializer, so HTML inside labels comes out as XML (`<br/>`), which
 * mermaid's own string (HTML serialization) does not guarantee.
 */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = naturalSize(svg);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.ceil(width)));
  copy.setAttribute('height', String(Math.ceil(height)));
  copy.style.removeProperty('max-width');
  copy.style.removeProperty('width');
  return new XMLSerializer().serializeToString(copy);
}

/** The diagram as a PNG data URL, at `scale` times its natural size, on `background`. */
export async function pngDataUrl(svg: SVGSVGElement, background: string, scale = 2): Promise<string> {
  const { width, height } = naturalSize(svg);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(standaloneSvg(svg))}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This webview cannot draw on a canvas.');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}
