import type { Heading, Root, RootContent, Nodes, Table, Code } from 'mdast';
import { scanInline, type InlineEstimate } from './estimates/scan.js';
import { readFrontmatter, type Frontmatter, type FrontmatterInfo } from './frontmatter.js';
import { scanNumbers } from './numbers.js';
import { parseMarkdown } from './parse.js';
import { LineIndex, type Range } from './position.js';
import type { SectionCatalog } from './schema.js';
import { textOf, walk } from './tree.js';

/** A list item, table row or sub-heading: one "entry" of a section. */
export interface ItemModel {
  text: string;
  range: Range;
}

export interface TableModel {
  /** Header cells as written. */
  header: string[];
  /** Header cells lower-cased, for case-insensitive schema patterns. */
  columns: string[];
  rows: string[][];
  range: Range;
}

export interface CodeBlockModel {
  /** The info string's first word, lower-cased ("mermaid", "estimate"); "" when none. */
  lang: string;
  content: string;
  range: Range;
  /** 0-based line of the block's first content line. */
  contentLine: number;
}

export interface NumberModel {
  value: number;
  raw: string;
  unit?: string;
  unitKind?: string;
  range: Range;
}

/** One `##` section as the schema sees it. */
export interface SectionModel {
  heading: string;
  /** The heading's range. */
  range: Range;
  /** Prose of the section: code, diagrams and HTML comments left out. */
  text: string;
  lowerText: string;
  wordCount: number;
  entries: ItemModel[];
  listItems: ItemModel[];
  tables: TableModel[];
  code: CodeBlockModel[];
  numbers: NumberModel[];
  calculations: ItemModel[];
}

/** The plain JSON that the schema validates. */
export interface SnapshotModel {
  frontmatter: Record<string, unknown>;
  sections: Record<string, SectionModel>;
}

/** A heading that starts a section, whether or not the schema knows it. */
export interface SectionHeading {
  /** Canonical id, or undefined for a heading the schema does not name. */
  id: string | undefined;
  text: string;
  depth: number;
  range: Range;
  start: number;
  /** Offset just past the section's last content (the heading's end when it has none). */
  contentEnd: number;
  /** True when no prose, list, table or code follows the heading. */
  empty: boolean;
  /** For a repeated canonical section, the first heading with that id. */
  duplicateOf?: SectionHeading;
}

export type { FrontmatterInfo } from './frontmatter.js';

/** Everything the rules read: the source, its tree and the model. */
export interface ParsedSnapshot {
  text: string;
  lines: LineIndex;
  tree: Root;
  model: SnapshotModel;
  frontmatter?: FrontmatterInfo;
  title?: { text: string; range: Range };
  headings: SectionHeading[];
  /** Offsets of the parsed text are shifted by this much (1 when a BOM was removed). */
  shift: number;
  /** Every calculation stated inline in a section, checked against its arithmetic. */
  inlineEstimates: InlineEstimate[];
}

/** How a snapshot is read. */
export interface ParseOptions {
  /** Allowed relative error of a stated estimate result (0.1 = 10 %). */
  tolerance?: number;
  /** False to skip reading inline estimates. */
  estimates?: boolean;
  /** The document's frontmatter when it was read already (one YAML parse per version); read here otherwise. */
  frontmatter?: Frontmatter;
  /** The document's line index when there is one already. */
  lines?: LineIndex;
}

const WORD = /[\p{L}\p{N}]/u;

/** Counts words that hold a letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (WORD.test(w)) n++;
  return n;
}

/** Parses a snapshot's Markdown and builds the model the schema validates. */
export function parseSnapshot(text: string, catalog: SectionCatalog, options: ParseOptions = {}): ParsedSnapshot {
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tree = parseMarkdown(shift ? text.slice(1) : text);
  const lines = options.lines ?? new LineIndex(text);
  const b = new Builder(text, lines, shift, catalog, options.tolerance ?? 0.1, options.estimates ?? true, options.frontmatter);
  return b.build(tree);
}

class Builder {
  readonly #text: string;
  readonly #lines: LineIndex;
  readonly #shift: number;
  readonly #catalog: SectionCatalog;
  readonly #tolerance: number;
  readonly #estimates: boolean;
  readonly #frontmatter: Frontmatter | undefined;

  constructor(text: string, lines: LineIndex, shift: number, catalog: SectionCatalog, tolerance: number, estimates: boolean, frontmatter: Frontmatter | undefined) {
    this.#text = text;
    this.#lines = lines;
    this.#shift = shift;
    this.#catalog = catalog;
    this.#tolerance = tolerance;
    this.#estimates = estimates;
    this.#frontmatter = frontmatter;
  }

  #start(n: Nodes): number {
    return (n.position?.start.offset ?? 0) + this.#shift;
  }

  #end(n: Nodes): number {
    return (n.position?.end.offset ?? 0) + this.#shift;
  }

  #range(n: Nodes): Range {
    return this.#lines.range(this.#start(n), this.#end(n));
  }

  build(tree: Root): ParsedSnapshot {
    const model: SnapshotModel = { frontmatter: {}, sections: {} };
    const parsed: ParsedSnapshot = { text: this.#text, lines: this.#lines, tree, model, headings: [], shift: this.#shift, inlineEstimates: [] };
    const children = tree.children;
    let i = 0;
    const first = children[0];
    if (first?.type === 'yaml') {
      // The frontmatter read before the parse is the block remark found (same rules); read it again only if not.
      const given = this.#frontmatter;
      const fm = given?.info && given.content === first.value ? given : readFrontmatter(this.#text, this.#lines);
      if (fm.info) parsed.frontmatter = fm.info;
      model.frontmatter = fm.data;
      i = 1;
    }
    // The first level-1 heading before any section is the document's title.
    for (let j = i; j < children.length; j++) {
      const n = children[j];
      if (n?.type !== 'heading') continue;
      if (n.depth === 1) parsed.title = { text: textOf(n), range: this.#range(n) };
      break;
    }
    let current: { heading: SectionHeading; nodes: RootContent[] } | undefined;
    const flush = (): void => {
      if (current) this.#section(current.heading, current.nodes, parsed);
    };
    for (; i < children.length; i++) {
      const n = children[i];
      if (!n) continue;
      if (n.type === 'heading' && n.depth <= 2 && !(parsed.title && this.#start(n) === this.#offsetOf(parsed.title.range))) {
        flush();
        current = { heading: this.#heading(n), nodes: [] };
      } else if (current) {
        current.nodes.push(n);
      }
    }
    flush();
    return parsed;
  }

  #offsetOf(r: Range): number {
    return this.#lines.offsetAt(r.start);
  }

  #heading(n: Heading): SectionHeading {
    const text = textOf(n);
    return {
      id: this.#catalog.idOf(text),
      text,
      depth: n.depth,
      range: this.#range(n),
      start: this.#start(n),
      contentEnd: this.#end(n),
      empty: true,
    };
  }

  #section(h: SectionHeading, nodes: RootContent[], parsed: ParsedSnapshot): void {
    parsed.headings.push(h);
    const content = nodes.filter((n) => !(n.type === 'html' && /^<!--/.test(n.value)) && n.type !== 'definition');
    h.empty = content.length === 0;
    const last = nodes[nodes.length - 1];
    if (last) h.contentEnd = this.#end(last);
    // Estimates are checked in every section, known or not, repeated or not.
    const estimates = this.#estimates ? scanInline(this.#text, nodes, this.#shift, this.#tolerance) : [];
    parsed.inlineEstimates.push(...estimates);
    if (!h.id) return;
    const existing = parsed.headings.find((o) => o !== h && o.id === h.id && !o.duplicateOf);
    if (existing) {
      h.duplicateOf = existing;
      return;
    }
    const s: SectionModel = {
      heading: h.text,
      range: h.range,
      text: '',
      lowerText: '',
      wordCount: 0,
      entries: [],
      listItems: [],
      tables: [],
      code: [],
      numbers: [],
      calculations: [],
    };
    const prose: string[] = [];
    for (const n of nodes) this.#collect(n, s, prose);
    s.text = prose.join('\n');
    s.lowerText = s.text.toLowerCase();
    s.wordCount = countWords(s.text);
    // A line with a checkable calculation counts once, however many relations it holds.
    const seen = new Set<number>();
    for (const e of estimates) {
      if (seen.has(e.lineStart)) continue;
      seen.add(e.lineStart);
      const lead = e.lineText.length - e.lineText.trimStart().length;
      s.calculations.push({ text: e.lineText.trim(), range: this.#lines.range(e.lineStart + lead, e.lineStart + e.lineText.trimEnd().length) });
    }
    // A block of named quantities is a calculation too.
    for (const c of s.code) if (c.lang === 'estimate' && c.content.includes('=')) s.calculations.push({ text: c.content, range: c.range });
    parsed.model.sections[h.id] = s;
  }

  /** Adds one top-level node of a section to its model: entries, tables, code, prose and numbers. */
  #collect(top: RootContent, s: SectionModel, prose: string[]): void {
    if (top.type === 'list') {
      for (const item of top.children) {
        const entry = { text: textOf(item).trim(), range: this.#range(item) };
        s.listItems.push(entry);
        s.entries.push(entry);
      }
    }
    walk(top, (n) => {
      switch (n.type) {
        case 'code':
          s.code.push(this.#code(n));
          return false;
        case 'html':
        case 'yaml':
        case 'definition':
          return false;
        case 'table':
          s.tables.push(this.#table(n, s, prose));
          return false;
        case 'heading':
          s.entries.push({ text: textOf(n), range: this.#range(n) });
          return true;
        case 'text':
          prose.push(n.value);
          this.#numbers(n.value, this.#start(n), this.#end(n), s);
          return false;
        case 'inlineCode':
          prose.push(n.value);
          return false;
        default:
          return true;
      }
    });
  }

  #table(n: Table, s: SectionModel, prose: string[]): TableModel {
    const [head, ...body] = n.children;
    const header = head ? head.children.map((c) => textOf(c).trim()) : [];
    const rows = body.map((r) => r.children.map((c) => textOf(c).trim()));
    body.forEach((r, k) => s.entries.push({ text: (rows[k] ?? []).join(' | '), range: this.#range(r) }));
    for (const row of n.children) {
      for (const cell of row.children) {
        walk(cell, (c) => {
          if (c.type === 'text') {
            prose.push(c.value);
            this.#numbers(c.value, this.#start(c), this.#end(c), s);
          } else if (c.type === 'inlineCode') prose.push(c.value);
        });
      }
    }
    return { header, columns: header.map((h) => h.toLowerCase()), rows, range: this.#range(n) };
  }

  #code(n: Code): CodeBlockModel {
    const start = this.#start(n);
    const startLine = this.#lines.positionAt(start).line;
    // Fenced blocks start their content on the line after the fence; indented ones on their own line.
    const fenced = /^[ \t]*(?:`{3,}|~{3,})/.test(this.#text.slice(start, start + 16));
    return {
      lang: (n.lang ?? '').toLowerCase(),
      content: n.value,
      range: this.#range(n),
      contentLine: fenced ? startLine + 1 : startLine,
    };
  }

  #numbers(value: string, start: number, end: number, s: SectionModel): void {
    // Positions are exact when the source reads as the value (no escapes or entities).
    const exact = this.#text.slice(start, end) === value;
    for (const m of scanNumbers(value)) {
      const range = exact ? this.#lines.range(start + m.start, start + m.end) : this.#lines.range(start, end);
      s.numbers.push({ value: m.value, raw: m.raw, ...(m.unit ? { unit: m.unit, unitKind: m.unitKind } : {}), range });
    }
  }
}
