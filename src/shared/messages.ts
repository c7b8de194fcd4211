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

/** The host's messages to the webview. */
export type HostMessage =
  /** The snapshot to show; `version` grows with every message, so an older render never replaces a newer one. */
  | { type: 'document'; version: number; uri: string; title: string; diagrams: DiagramMessage[] }
  /** No snapshot to follow: the active editor is not a snapshot and none was shown before. */
  | { type: 'empty'; reason: string }
  /** Asks the webview to send `exportHtml` with its current renders (the Export as HTML command). */
  | { type: 'requestHtmlExport' };

/** The webview's messages to the host. */
export type WebviewMessage =
  | { type: 'ready' }
  /** Every diagram of `version` is on screen: counts of fresh renders, reused ones and errors, and the render time. */
  | { type: 'rendered'; version: number; rendered: number; reused: number; errors: number; ms: number; theme: string }
  | { type: 'reveal'; uri: string; startLine: number; endLine: number }
  | { type: 'exportDiagram'; format: 'svg' | 'png'; index: number; section: string; data: string }
  /** The current renders by diagram index (null where the diagram has an error), for the HTML export. */
  | { type: 'exportHtml'; uri: string; svgs: Array<string | null>; errors: Array<string | null> }
  /** Something the user asked for failed in the webview (an export); the host shows it. */
  | { type: 'error'; message: string };

/** What the webview keeps across a window reload, for the panel serializer. */
export interface PreviewState {
  uri: string;
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

function isDiagram(x: unknown): x is DiagramMessage {
  return isObj(x) && isStr(x.source) && isStr(x.section, 10_000) && isLine(x.startLine) && isLine(x.endLine) && x.endLine >= x.startLine;
}

/** The message if it is a well-formed HostMessage, else undefined. */
export function parseHostMessage(x: unknown): HostMessage | undefined {
  if (!isObj(x)) return undefined;
  switch (x.type) {
    case 'document':
      return isCount(x.version) && isStr(x.uri, 10_000) && isStr(x.title, 10_000) && Array.isArray(x.diagrams) && x.diagrams.every(isDiagram)
        ? { type: 'document', version: x.version, uri: x.uri, title: x.title, diagrams: x.diagrams }
        : undefined;
    case 'empty':
      return isStr(x.reason, 10_000) ? { type: 'empty', reason: x.reason } : undefined;
    case 'requestHtmlExport':
      return { type: 'requestHtmlExport' };
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
    case 'exportDiagram': {
      const okData =
        x.format === 'svg' ? isStr(x.data, MAX_EXPORT_CHARS) && /^\s*<svg[\s>]/i.test(x.data) : x.format === 'png' && isStr(x.data, MAX_EXPORT_CHARS) && /^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(x.data);
      return okData && isCount(x.index) && isStr(x.section, 10_000)
        ? { type: 'exportDiagram', format: x.format as 'svg' | 'png', index: x.index, section: x.section as string, data: x.data as string }
        : undefined;
    }
    case 'exportHtml':
      return isStr(x.uri, 10_000) && isStrOrNullArray(x.svgs) && isStrOrNullArray(x.errors)
        ? { type: 'exportHtml', uri: x.uri, svgs: x.svgs, errors: x.errors }
        : undefined;
    case 'error':
      return isStr(x.message, 10_000) ? { type: 'error', message: x.message } : undefined;
    default:
      return undefined;
  }
}

/** The state if it is a well-formed PreviewState, else undefined (a reload must never restore garbage). */
export function parsePreviewState(x: unknown): PreviewState | undefined {
  return isObj(x) && isStr(x.uri, 10_000) ? { uri: x.uri } : undefined;
}
