// Runs in both the extension host and the preview webview: the messages between them, and their validators.
// Each side checks what it receives; anything malformed is dropped, never half-used.

/** One ```mermaid block as the preview shows it. */
export interface DiagramMessage {
  source: string;
  /** Heading of the section the diagram sits in ('' before the first section). */
  section: string;
  /** 0-based lines of the block's fences in the Markdown document. */
  startLine: number;
  endLine: number;
}

/** Exports in the light theme whatever the editor's (the default), or in the editor's theme. */
export type ExportTheme = 'light' | 'match';
export type ImageFormat = 'svg' | 'png';

/** The preview's settings (designSnapshot.preview.*) that the webview applies. */
export interface PreviewOptions {
  exportTheme: ExportTheme;
  /** PNG pixels per diagram pixel. */
  pngScale: number;
}

/** One exported image: the diagram's index and section, and the SVG text or the PNG data URL. */
export interface ExportedImage {
  index: number;
  section: string;
  data: string;
}

/** How a diagram is zoomed and scrolled: 'auto', 'fit' or a scale; scroll as fractions of the scrollable range. */
export interface DiagramView {
  zoom: 'auto' | 'fit' | number;
  left: number;
  top: number;
}

/** The host's messages to the webview. */
export type HostMessage =
  /** The snapshot to show; `version` grows with every message, so an older render never replaces a newer one. */
  | { type: 'document'; version: number; uri: string; title: string; diagrams: DiagramMessage[]; options: PreviewOptions }
  /** No snapshot to follow: the active editor is not a snapshot and none was shown before. */
  | { type: 'empty'; reason: string }
  /** Asks the webview to send `exportHtml` with its current renders (the Export as HTML command). */
  | { type: 'requestHtmlExport' }
  /** Asks the webview to send `exportAll`: every diagram as `format`, in the export theme. */
  | { type: 'requestExportAll'; format: ImageFormat };

/** The webview's messages to the host. */
export type WebviewMessage =
  | { type: 'ready' }
  /** Every diagram of `version` is on screen: counts of fresh renders, reused ones and errors, and the render time. */
  | { type: 'rendered'; version: number; rendered: number; reused: number; errors: number; ms: number; theme: string }
  | { type: 'reveal'; uri: string; startLine: number; endLine: number }
  | { type: 'exportDiagram'; format: ImageFormat; index: number; section: string; data: string }
  /** Every diagram that rendered, as `format`; `skipped` counts those with an error. */
  | { type: 'exportAll'; format: ImageFormat; files: ExportedImage[]; skipped: number }
  /** The user asked to export every diagram (the webview's button); the host asks for the format and the folder. */
  | { type: 'askExportAll' }
  /** The renders by diagram index (null where the diagram has an error), in the export theme, for the HTML export. */
  | { type: 'exportHtml'; uri: string; svgs: Array<string | null>; errors: Array<string | null>; colorScheme: 'light' | 'dark' }
  /** The webview could not reach the clipboard itself: the host puts this SVG text there. */
  | { type: 'copy'; format: 'svg'; data: string }
  /** A diagram is on the clipboard; the host confirms it. */
  | { type: 'copied'; format: ImageFormat }
  /** Something the user asked for failed in the webview (an export); the host shows it. */
  | { type: 'error'; message: string };

/** What the webview keeps across a window reload and while hidden: the snapshot, and each diagram's zoom and scroll. */
export interface PreviewState {
  uri: string;
  views?: Array<DiagramView | null>;
}

/** Largest payload accepted from the webview (an exported PNG of a big diagram stays well below it). */
export const MAX_EXPORT_CHARS = 64 * 1024 * 1024;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown, max = 1_000_000): x is string => typeof x === 'string' && x.length <= max;
const isLine = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const isCount = isLine;
const isStrOrNullArray = (x: unknown): x is Array<string | null> =>
  Array.isArray(x) && x.length <= 10_000 && x.every((s) => s === null || isStr(s, MAX_EXPORT_CHARS));

const isFormat = (x: unknown): x is ImageFormat => x === 'svg' || x === 'png';
const isFraction = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1;

/** SVG text or a PNG data URL, as `format` says. */
function isImageData(format: ImageFormat, x: unknown): x is string {
  return format === 'svg' ? isStr(x, MAX_EXPORT_CHARS) && /^\s*<svg[\s>]/i.test(x) : isStr(x, MAX_EXPORT_CHARS) && /^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(x);
}

function isOptions(x: unknown): x is PreviewOptions {
  return isObj(x) && (x.exportTheme === 'light' || x.exportTheme === 'match') && typeof x.pngScale === 'number' && x.pngScale >= 1 && x.pngScale <= 4;
}

export function isDiagramView(x: unknown): x is DiagramView {
  return isObj(x) && (x.zoom === 'auto' || x.zoom === 'fit' || (typeof x.zoom === 'number' && x.zoom >= 0.1 && x.zoom <= 8)) && isFraction(x.left) && isFraction(x.top);
}

function isDiagram(x: unknown): x is DiagramMessage {
  return isObj(x) && isStr(x.source) && isStr(x.section, 10_000) && isLine(x.startLine) && isLine(x.endLine) && x.endLine >= x.startLine;
}

/** The message if it is a well-formed HostMessage, else undefined. */
export function parseHostMessage(x: unknown): HostMessage | undefined {
  if (!isObj(x)) return undefined;
  switch (x.type) {
    case 'document':
      return isCount(x.version) && isStr(x.uri, 10_000) && isStr(x.title, 10_000) && Array.isArray(x.diagrams) && x.diagrams.every(isDiagram) && isOptions(x.options)
        ? { type: 'document', version: x.version, uri: x.uri, title: x.title, diagrams: x.diagrams, options: { exportTheme: x.options.exportTheme, pngScale: x.options.pngScale } }
        : undefined;
    case 'empty':
      return isStr(x.reason, 10_000) ? { type: 'empty', reason: x.reason } : undefined;
    case 'requestHtmlExport':
      return { type: 'requestHtmlExport' };
    case 'requestExportAll':
      return isFormat(x.format) ? { type: 'requestExportAll', format: x.format } : undefined;
    default:
      return undefined;
  }
}

/** The message if it is a well-formed WebviewMessage, else undefined. */
export function parseWebviewMessage(x: unknown): WebviewMessage | undefined {
  if (!isObj(x)) return undefined;
  switch (x.type) {
    case 'ready':
      return { type: 'ready' };
    case 'rendered':
      return isCount(x.version) && isCount(x.rendered) && isCount(x.reused) && isCount(x.errors) && typeof x.ms === 'number' && Number.isFinite(x.ms) && isStr(x.theme, 100)
        ? { type: 'rendered', version: x.version, rendered: x.rendered, reused: x.reused, errors: x.errors, ms: x.ms, theme: x.theme }
        : undefined;
    case 'reveal':
      return isStr(x.uri, 10_000) && isLine(x.startLine) && isLine(x.endLine) && x.endLine >= x.startLine
        ? { type: 'reveal', uri: x.uri, startLine: x.startLine, endLine: x.endLine }
        : undefined;
    case 'exportDiagram':
      return isFormat(x.format) && isImageData(x.format, x.data) && isCount(x.index) && isStr(x.section, 10_000)
        ? { type: 'exportDiagram', format: x.format, index: x.index, section: x.section, data: x.data }
        : undefined;
    case 'exportAll': {
      const format = x.format;
      if (!isFormat(format) || !isCount(x.skipped) || !Array.isArray(x.files) || x.files.length > 10_000) return undefined;
      const files = x.files.filter((f): f is ExportedImage => isObj(f) && isCount(f.index) && isStr(f.section, 10_000) && isImageData(format, f.data));
      const total = files.reduce((n, f) => n + f.data.length, 0);
      return files.length === x.files.length && total <= 4 * MAX_EXPORT_CHARS
        ? { type: 'exportAll', format, files: files.map((f) => ({ index: f.index, section: f.section, data: f.data })), skipped: x.skipped }
        : undefined;
    }
    case 'askExportAll':
      return { type: 'askExportAll' };
    case 'exportHtml':
      return isStr(x.uri, 10_000) && isStrOrNullArray(x.svgs) && isStrOrNullArray(x.errors) && (x.colorScheme === 'light' || x.colorScheme === 'dark')
        ? { type: 'exportHtml', uri: x.uri, svgs: x.svgs, errors: x.errors, colorScheme: x.colorScheme }
        : undefined;
    case 'copy':
      return x.format === 'svg' && isImageData('svg', x.data) ? { type: 'copy', format: 'svg', data: x.data } : undefined;
    case 'copied':
      return isFormat(x.format) ? { type: 'copied', format: x.format } : undefined;
    case 'error':
      return isStr(x.message, 10_000) ? { type: 'error', message: x.message } : undefined;
    default:
      return undefined;
  }
}

/** The state if it is a well-formed PreviewState, else undefined (a reload must never restore garbage). */
export function parsePreviewState(x: unknown): PreviewState | undefined {
  if (!isObj(x) || !isStr(x.uri, 10_000)) return undefined;
  // Views that do not validate are dropped one by one; the snapshot is still restored.
  const views = Array.isArray(x.views) && x.views.length <= 10_000 ? x.views.map((v) => (isDiagramView(v) ? { zoom: v.zoom, left: v.left, top: v.top } : null)) : undefined;
  return { uri: x.uri, ...(views ? { views } : {}) };
}
