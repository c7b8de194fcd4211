import * as l10n from '@vscode/l10n';
import { isMap, isScalar, parseDocument, visit } from 'yaml';
import type { LineIndex, Range } from './position.js';

/** Where a document's frontmatter block is, its fields' ranges, and why it could not be read. */
export interface FrontmatterInfo {
  /** The whole block, fences included. */
  range: Range;
  /** Ranges of the top-level keys' values, for findings about one field. */
  fields: Map<string, Range>;
  error?: { message: string; range: Range };
}

/** A document's YAML frontmatter, read once per document version. */
export interface Frontmatter {
  /** The fields; {} when there is no frontmatter or it cannot be read. */
  data: Record<string, unknown>;
  /** Undefined when the document has no frontmatter block. */
  info?: FrontmatterInfo;
  /** The YAML between the fences, as remark's `yaml` node holds it. */
  content?: string;
}

/** Frontmatter larger than this is not read (real frontmatter is a few hundred bytes). */
export const MAX_FRONTMATTER_CHARS = 64 * 1024;
/** Aliases a frontmatter may expand; more is a "billion laughs" document, not metadata. */
const MAX_ALIASES = 100;

const NONE: Frontmatter = { data: {} };

function lineEndAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 13) return text.charCodeAt(i + 1) === 10 ? 2 : 1;
  return c === 10 ? 1 : 0;
}

/** True when the line starting at `i` is a fence: `---` then only spaces or tabs. Returns the offset past the fence's text. */
function fenceAt(text: string, i: number): number | undefined {
  if (!text.startsWith('---', i)) return undefined;
  let j = i + 3;
  while (text[j] === ' ' || text[j] === '\t') j++;
  return j >= text.length || lineEndAt(text, j) ? j : undefined;
}

/**
 * Finds the frontmatter block exactly where remark-frontmatter does: a `---`
 * line at the very start (after a BOM), up to the next `---` line. Linear in
 * the text; an unclosed block is not frontmatter.
 */
export function findFrontmatter(text: string): { start: number; end: number; contentStart: number; contentEnd: number } | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const openEnd = fenceAt(text, start);
  if (openEnd === undefined) return undefined;
  const nl = lineEndAt(text, openEnd);
  if (!nl) return undefined;
  const contentStart = openEnd + nl;
  let line = contentStart;
  for (;;) {
    const close = fenceAt(text, line);
    if (close !== undefined) {
      // The content ends before the line break that precedes the closing fence.
      let contentEnd = line;
      if (line > contentStart) contentEnd -= text[line - 2] === '\r' && text[line - 1] === '\n' ? 2 : 1;
      return { start, end: close, contentStart, contentEnd: Math.max(contentStart, contentEnd) };
    }
    let k = line;
    while (k < text.length && !lineEndAt(text, k)) k++;
    if (k >= text.length) return undefined;
    line = k + lineEndAt(text, k);
  }
}

/** Reads a document's frontmatter: one YAML parse, linear in its size, never throwing. */
export function readFrontmatter(text: string, lines: LineIndex): Frontmatter {
  const block = findFrontmatter(text);
  if (!block) return NONE;
  const content = text.slice(block.contentStart, block.contentEnd);
  const info: FrontmatterInfo = { range: lines.range(block.start, block.end), fields: new Map() };
  const fail = (message: string, line?: number): Frontmatter => {
    info.error = { message, range: line === undefined ? info.range : lines.lineRange(line, text) };
    return { data: {}, info, content };
  };
  if (content.length > MAX_FRONTMATTER_CHARS) return fail(l10n.t('the frontmatter is {0} KB, more than the {1} KB read', Math.round(content.length / 1024), MAX_FRONTMATTER_CHARS / 1024));
  try {
    // uniqueKeys: false, because the yaml package's own duplicate check compares every key with every other;
    // duplicates are found below in one pass instead.
    // CR-only line endings (old Mac files) are line breaks to Markdown but not to YAML: read them as LF (same length,
    // so offsets hold).
    const yaml = content.includes('\r') ? content.replace(/\r(?!\n)/g, '\n') : content;
    const doc = parseDocument(yaml, { prettyErrors: true, uniqueKeys: false });
    const err = doc.errors[0];
    if (err) {
      const line = lines.positionAt(block.contentStart).line + (err.linePos?.[0].line ?? 1) - 1;
      // The yaml package's own message (data: its English words) with its position taken out.
      return fail((err.message.split('\n')[0] ?? l10n.t('invalid YAML')).replace(/ at line \d+, column \d+:?$/, ''), line);
    }
    const duplicate = duplicateKey(doc.contents);
    if (duplicate) {
      const line = lines.positionAt(block.contentStart + duplicate.offset).line;
      return fail(l10n.t('Map keys must be unique; "{0}" is repeated', duplicate.key), line);
    }
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIASES });
    if (data === null || data === undefined) return { data: {}, info, content };
    if (typeof data !== 'object' || Array.isArray(data)) return fail(l10n.t('the frontmatter is not a mapping of fields'));
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        const r = (pair.value as { range?: number[] } | null)?.range ?? (pair.key as { range?: number[] } | null)?.range;
        if (typeof key === 'string' && r && r[0] !== undefined && r[1] !== undefined) {
          info.fields.set(key, lines.range(block.contentStart + r[0], block.contentStart + r[1]));
        }
      }
    }
    return { data: data as Record<string, unknown>, info, content };
  } catch (e) {
    // toJS() throws on alias bombs and similar; the document's frontmatter is then unreadable, nothing more.
    return fail((e as Error).message.split('\n')[0] ?? 'invalid YAML');
  }
}

/** The first key repeated within one mapping, anywhere in the document; one pass with a set per mapping. */
function duplicateKey(contents: unknown): { key: string; offset: number } | undefined {
  let found: { key: string; offset: number } | undefined;
  visit(contents as Parameters<typeof visit>[0], {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (key === undefined || key === null || typeof key === 'object') continue;
        if (seen.has(key)) {
          found = { key: String(key), offset: (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? 0 };
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

/** Fields other templates name their title by: "Title:", GreptimeDB's and Rust's "Feature Name:". */
const TITLE_FIELD = /^(?:title|feature[ _-]?name)$/i;

/** The frontmatter's title, under `title` or a name another template gives it; undefined when there is none. */
export function frontmatterTitle(data: Readonly<Record<string, unknown>>): string | undefined {
  if (typeof data.title === 'string' && data.title.trim()) return data.title.trim();
  for (const [key, value] of Object.entries(data)) if (TITLE_FIELD.test(key) && typeof value === 'string' && value.trim()) return value.trim();
  return undefined;
}
