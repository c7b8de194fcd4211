// Runs in the preview webview: one diagram's viewport — its zoom (natural size, fit to width, or a scale), zoom
// around the pointer (Ctrl/Cmd+wheel, trackpad or touch pinch), drag to pan, keyboard zoom — kept across re-renders.

/** How a diagram is sized: 'auto' (100 %, or fit to width while labels stay readable), 'fit' (the panel's width), or a scale. */
export type Zoom = 'auto' | 'fit' | number;

/** What a viewport keeps across re-renders and across the webview being hidden and shown again. */
export interface ViewState {
  zoom: Zoom;
  /** Scroll position, as a fraction of the scrollable range (a re-render may change the diagram's size). */
  left: number;
  top: number;
}

/** Smallest label size, in CSS pixels on screen, that 'auto' may shrink a diagram to when fitting it to the panel. */
export const READABLE_PX = 11;
const MIN_SCALE = 0.1;
const MAX_SCALE = 8;
const STEP = 1.25;
/** Pixels a press must move before it is a drag (pan), not a click (reveal the source). */
const DRAG_PX = 4;

function clamp(s: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));
}

/** The smallest font size among a diagram's labels, in the SVG's own units (its pixels at 100 %). */
export function smallestLabelPx(svg: SVGSVGElement): number {
  let min = Infinity;
  const labels = svg.querySelectorAll('text, foreignObject span, foreignObject div, foreignObject p');
  for (let i = 0; i < labels.length && i < 200; i++) {
    const el = labels[i] as Element;
    if (!el.textContent?.trim()) continue;
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (px > 0) min = Math.min(min, px);
  }
  return Number.isFinite(min) ? min : 16;
}

/**
 * The viewport of one diagram: `body` is the scrolling element, the SVG inside it is sized explicitly to its
 * viewBox times the scale. `changed` is called after every zoom or scroll the user makes, to save the state.
 */
export class Viewport {
  readonly #body: HTMLElement;
  readonly #changed: () => void;
  #svg: SVGSVGElement | undefined;
  #zoom: Zoom = 'auto';
  #scale = 1;
  #labelPx = 16;
  #pending: { left: number; top: number } | undefined;
  #drag: { x: number; y: number; left: number; top: number; moved: boolean; id: number } | undefined;
  readonly #touches = new Map<number, { x: number; y: number }>();
  #pinch: number | undefined;

  constructor(body: HTMLElement, changed: () => void) {
    this.#body = body;
    this.#changed = changed;
    body.addEventListener('wheel', (e) => this.#wheel(e), { passive: false });
    body.addEventListener('pointerdown', (e) => this.#down(e));
    body.addEventListener('pointermove', (e) => this.#move(e));
    body.addEventListener('pointerup', (e) => this.#up(e));
    body.addEventListener('pointercancel', (e) => this.#up(e));
    // A drag ends with a click on the diagram; it must not reveal the source.
    body.addEventListener('click', (e) => {
      if (body.dataset.dragged !== 'true') return;
      delete body.dataset.dragged;
      e.stopImmediatePropagation();
      e.preventDefault();
    }, { capture: true });
    body.addEventListener('scroll', () => {
      if (this.#svg) this.#changed();
    });
    body.addEventListener('keydown', (e) => this.#key(e));
    new ResizeObserver(() => {
      if (this.#zoom === 'auto' || this.#zoom === 'fit') this.#apply();
    }).observe(body);
  }

  /** The scale the diagram is shown at now (1 = its natural size). */
  get scale(): number {
    return this.#scale;
  }

  get zoom(): Zoom {
    return this.#zoom;
  }

  /** The smallest label of the diagram on screen, in CSS pixels. */
  get labelPx(): number {
    return this.#labelPx * this.#scale;
  }

  get state(): ViewState {
    const b = this.#body;
    const rangeX = b.scrollWidth - b.clientWidth;
    const rangeY = b.scrollHeight - b.clientHeight;
    return { zoom: this.#zoom, left: rangeX > 0 ? b.scrollLeft / rangeX : 0, top: rangeY > 0 ? b.scrollTop / rangeY : 0 };
  }

  /** Restores a saved state: applied now if a diagram is shown, else when the next one is attached. */
  restore(state: ViewState): void {
    this.#zoom = typeof state.zoom === 'number' ? clamp(state.zoom) : state.zoom;
    this.#pending = { left: state.left, top: state.top };
    if (this.#svg) this.#apply();
  }

  /** Back to 'auto' for a diagram of another document. */
  reset(): void {
    this.#zoom = 'auto';
    this.#pending = { left: 0, top: 0 };
  }

  /** Keeps the current scroll for the next attach: call before the diagram's SVG is replaced. */
  hold(): void {
    if (this.#svg && !this.#pending) this.#pending = this.state;
  }

  /** Shows a freshly rendered SVG with the current zoom and scroll (a re-render keeps both). */
  attach(svg: SVGSVGElement): void {
    const keep = this.#pending ?? (this.#svg ? this.state : { left: 0, top: 0 });
    this.#svg = svg;
    svg.style.maxWidth = 'none';
    this.#labelPx = smallestLabelPx(svg);
    this.#apply();
    this.#scrollTo(keep.left, keep.top);
    this.#pending = undefined;
  }

  /** Forgets the SVG (the diagram now shows an error). */
  detach(): void {
    if (this.#svg && !this.#pending) this.#pending = this.state;
    this.#svg = undefined;
    this.#sync();
  }

  fit(): void {
    this.#setZoom('fit');
  }

  /** 100 %: the diagram's natural size. */
  actual(): void {
    this.#setZoom(1);
  }

  /** Zooms by `factor` keeping the point under (clientX, clientY) in place; the view's centre by default. */
  zoomBy(factor: number, clientX?: number, clientY?: number): void {
    const svg = this.#svg;
    if (!svg) return;
    const b = this.#body.getBoundingClientRect();
    const x = clientX ?? b.left + b.width / 2;
    const y = clientY ?? b.top + b.height / 2;
    const before = svg.getBoundingClientRect();
    const u = (x - before.left) / before.width;
    const v = (y - before.top) / before.height;
    this.#zoom = clamp(this.#scale * factor);
    this.#apply();
    const after = svg.getBoundingClientRect();
    this.#body.scrollLeft += after.left + u * after.width - x;
    this.#body.scrollTop += after.top + v * after.height - y;
    this.#changed();
  }

  #setZoom(zoom: Zoom): void {
    this.#zoom = zoom;
    this.#apply();
    this.#changed();
  }

  /** The width the diagram may take without a horizontal scrollbar. */
  #available(): number {
    const cs = getComputedStyle(this.#body);
    return Math.max(1, this.#body.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight));
  }

  #apply(): void {
    const svg = this.#svg;
    if (!svg) return this.#sync();
    const box = svg.viewBox.baseVal;
    const width = box && box.width > 0 ? box.width : svg.getBBox().width || 1;
    const height = box && box.height > 0 ? box.height : svg.getBBox().height || 1;
    const fit = this.#available() / width;
    if (this.#zoom === 'fit') this.#scale = clamp(fit);
    else if (this.#zoom === 'auto') this.#scale = fit >= 1 ? 1 : fit * this.#labelPx >= READABLE_PX ? fit : 1;
    else this.#scale = this.#zoom;
    svg.style.width = `${width * this.#scale}px`;
    svg.style.height = `${height * this.#scale}px`;
    this.#sync();
  }

  /** Reflects the scale where the toolbar and the tests read it. */
  #sync(): void {
    const root = this.#body.closest<HTMLElement>('.diagram');
    if (!root) return;
    root.dataset.zoom = String(this.#zoom);
    root.dataset.scale = this.#scale.toFixed(4);
    const label = root.querySelector('.zoom-level');
    if (label) label.textContent = `${Math.round(this.#scale * 100)} %`;
    this.#body.classList.toggle('pannable', this.#body.scrollWidth > this.#body.clientWidth + 1 || this.#body.scrollHeight > this.#body.clientHeight + 1);
  }

  #scrollTo(left: number, top: number): void {
    const b = this.#body;
    b.scrollLeft = left * Math.max(0, b.scrollWidth - b.clientWidth);
    b.scrollTop = top * Math.max(0, b.scrollHeight - b.clientHeight);
  }

  #wheel(e: WheelEvent): void {
    // Ctrl/Cmd+wheel, and a trackpad pinch (which browsers report as a wheel with ctrlKey), zoom; a plain wheel scrolls.
    if (!(e.ctrlKey || e.metaKey) || !this.#svg) return;
    e.preventDefault();
    const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    this.zoomBy(Math.exp(-Math.max(-200, Math.min(200, delta)) * 0.002), e.clientX, e.clientY);
  }

  #down(e: PointerEvent): void {
    if (!this.#svg) return;
    if (e.pointerType === 'touch') {
      this.#touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (this.#touches.size === 2) {
        this.#drag = undefined;
        this.#pinch = this.#spread();
        return;
      }
    }
    if (e.button !== 0) return;
    this.#drag = { x: e.clientX, y: e.clientY, left: this.#body.scrollLeft, top: this.#body.scrollTop, moved: false, id: e.pointerId };
  }

  #move(e: PointerEvent): void {
    if (this.#touches.has(e.pointerId)) {
      this.#touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (this.#pinch !== undefined && this.#touches.size === 2) {
        const spread = this.#spread();
        const [a, b] = [...this.#touches.values()] as [{ x: number; y: number }, { x: number; y: number }];
        if (this.#pinch > 0) this.zoomBy(spread / this.#pinch, (a.x + b.x) / 2, (a.y + b.y) / 2);
        this.#pinch = spread;
        return;
      }
    }
    const d = this.#drag;
    if (!d || d.id !== e.pointerId) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_PX) return;
    if (!d.moved) {
      d.moved = true;
      this.#body.setPointerCapture(e.pointerId);
      this.#body.classList.add('dragging');
    }
    this.#body.scrollLeft = d.left - dx;
    this.#body.scrollTop = d.top - dy;
  }

  #up(e: PointerEvent): void {
    this.#touches.delete(e.pointerId);
    if (this.#touches.size < 2) this.#pinch = undefined;
    const d = this.#drag;
    if (!d || d.id !== e.pointerId) return;
    this.#drag = undefined;
    if (!d.moved) return;
    this.#body.dataset.dragged = 'true';
    this.#body.classList.remove('dragging');
    if (this.#body.hasPointerCapture(e.pointerId)) this.#body.releasePointerCapture(e.pointerId);
    this.#changed();
  }

  #spread(): number {
    const [a, b] = [...this.#touches.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  }

  #key(e: KeyboardEvent): void {
    if (!this.#svg || e.ctrlKey || e.metaKey || e.altKey) return;
    const act: Record<string, () => void> = {
      '+': () => this.zoomBy(STEP),
      '=': () => this.zoomBy(STEP),
      '-': () => this.zoomBy(1 / STEP),
      '0': () => this.actual(),
      f: () => this.fit(),
    };
    const run = act[e.key];
    if (!run) return;
    e.preventDefault();
    run();
  }
}

/** Zoom in or out by one step. */
export const ZOOM_STEP = STEP;
