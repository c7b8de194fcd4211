import type { Heading, Root, RootContent, Nodes, Table, Code } from 'mdast';
import { scanInline, type InlineEstimate } from './estimates/scan.js';
import { readFrontmatter, type Frontmatter, type FrontmatterInfo } from './frontmatter.js';
import { scanNumbers } from './numbers.js';
import { markdownTree } from './parse.js';
import { headingKey, isGeneralHeading } from './headings.js';
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
  /** Diagrams: ```mermaid (or PlantUML, Graphviz, D2…) blocks, images, and drawings in plain code blocks. */
  diagrams: DiagramModel[];
}

export interface DiagramModel {
  /** "mermaid", "plantuml", "dot"…, "image" or "text" (a drawing in a plain code block). */
  kind: string;
  range: Range;
}

/** The plain JSON that the schema validates. */
export interface SnapshotModel {
  frontmatter: Record<string, unknown>;
  sections: Record<string, SectionModel>;
}

/**
 * A heading that starts a section: one that names a canonical section (at any level), or one that names none
 * and sits in no canonical section (its content then belongs to no section).
 */
export interface SectionHeading {
  /** Canonical id, or undefined for a heading the schema does not name. */
  id: string | undefined;
  /** More sections the same heading serves ("Model development and offline evaluation"). */
  also?: string[];
  /** How the heading names its section: by a name the schema lists, by part of one, or only by its last word. */
  how?: 'name' | 'part' | 'head' | 'word';
  /** True when the heading is the section's own name ("Failure modes", not "Risks and mitigations"): the section is written to the snapshot standard. */
  native?: boolean;
  /** True for a bold line standing as a heading ("**Failure modes**" on a line of its own), in a document or part of one written under such labels. */
  label?: boolean;
  text: string;
  depth: number;
  range: Range;
  start: number;
  /** Offset just past the section's last content, its subsections included (the heading's end when it has none). */
  contentEnd: number;
  /** True when nothing follows the heading before the next heading of its level or above: no prose, list, table, code or subheading. */
  empty: boolean;
  /** For a canonical section written twice under the same heading, the first one. */
  duplicateOf?: SectionHeading;
  /** For another heading that serves the same section ("Goals", then "Non-goals"), the first one; their content is one section. */
  partOf?: SectionHeading;
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
  /** The headings that start sections, in document order. */
  headings: SectionHeading[];
  /** Every heading of the document but the title, in order, with its text: what a diagram's caption goes by. */
  outline: Array<{ text: string; depth: number; start: number; line: number }>;
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
  /** The Markdown tree of the text when it was parsed already (off the host's main thread); see markdownTree. */
  tree?: Root;
}

const WORD = /[\p{L}\p{N}]/u;

/** The depth of a bold label read as a heading: below every Markdown heading, so the next heading of any level ends it. */
const LABEL_DEPTH = 7;

/**
 * The text of a paragraph that is a bold label on a line of its own ("**Failure modes**", "**Eval:**"): one strong
 * span of one to six words, nothing after it but a colon. Interview notes and terse docs are written under such
 * labels instead of headings.
 */
function boldLabel(n: RootContent): string | undefined {
  if (n.type !== 'paragraph') return undefined;
  const kids = n.children.filter((c) => !(c.type === 'text' && /^\s*:?\s*$/.test(c.value)));
  const only = kids[0];
  if (kids.length !== 1 || only?.type !== 'strong') return undefined;
  const text = textOf(only).trim().replace(/\s*[:.]$/, '');
  if (!text || text.length > 60 || /\n/.test(text)) return undefined;
  const words = countWords(text);
  return words >= 1 && words <= 6 ? text : undefined;
}

/** Diagram languages other tools render: a block in one of them is a diagram, as a ```mermaid block is. */
const DIAGRAM_LANGS = new Set(['mermaid', 'plantuml', 'puml', 'dot', 'graphviz', 'd2', 'ditaa', 'svgbob', 'bob', 'nomnoml', 'structurizr', 'c4', 'excalidraw', 'drawio', 'ascii', 'asciiart']);
/** Lines of a plain code block that draw boxes or arrows: ┌─┐ │ └ ├, +---+, |, -->, ->, <-, ==>, v and ^ under boxes. */
const DRAWING = /[┌┐└┘├┤┬┴┼─│═║╔╗╚╝▶▼◀▲→←↑↓]|\+-{2,}|-{2,}>|<-{2,}|-+>|<-+|=+>|\|\s{2,}\|/;

/** The kind of diagram a code block holds, or undefined when it holds code. */
function diagramKind(c: CodeBlockModel): string | undefined {
  if (DIAGRAM_LANGS.has(c.lang)) return c.lang;
  if (c.lang && c.lang !== 'text' && c.lang !== 'txt' && c.lang !== 'plain' && c.lang !== 'plaintext') return undefined;
  // A drawing has several lines of box or arrow art, and little that reads as code.
  const lines = c.content.split(/\r?\n/).filter((l) => l.trim());
  const drawn = lines.filter((l) => DRAWING.test(l)).length;
  return lines.length >= 3 && drawn >= Math.max(2, Math.ceil(lines.length / 3)) ? 'text' : undefined;
}

/** Counts words that hold a letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (WORD.test(w)) n++;
  return n;
}

/** Parses a snapshot's Markdown and builds the model the schema validates. */
export function parseSnapshot(text: string, catalog: SectionCatalog, options: ParseOptions = {}): ParsedSnapshot {
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tree = options.tree ?? markdownTree(text);
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
    const parsed: ParsedSnapshot = { text: this.#text, lines: this.#lines, tree, model, headings: [], outline: [], shift: this.#shift, inlineEstimates: [] };
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
    const title = this.#title(children, i);
    if (title) parsed.title = { text: textOf(title), range: this.#range(title) };
    const open: Array<{ depth: number; section: SectionHeading | undefined }> = [];
    const owner = (): SectionHeading | undefined => {
      for (let k = open.length - 1; k >= 0; k--) if (open[k]?.section) return open[k]?.section;
      return undefined;
    };
    const contents = new Map<SectionHeading, RootContent[]>();
    const touch = (n: RootContent): void => {
      // Every open heading's span reaches this node: none of them is empty, and each ends here or later.
      for (const o of open) {
        if (!o.section) continue;
        o.section.contentEnd = this.#end(n);
        if (!(n.type === 'html' && /^<!--/.test(n.value)) && n.type !== 'definition') o.section.empty = false;
      }
    };
    for (; i < children.length; i++) {
      const n = children[i];
      if (!n || n === title) continue;
      if (n.type === 'heading') {
        while (open.length && (open[open.length - 1]?.depth ?? 0) >= n.depth) open.pop();
        const text = textOf(n);
        parsed.outline.push({ text, depth: n.depth, start: this.#start(n), line: this.#lines.positionAt(this.#start(n)).line });
        touch(n);
        const parent = owner();
        // "Overview" under a section is that section's overview, not a section of its own.
        // A heading read by a word alone (x-words) names a section only at the top: under any heading it is that heading's part.
        const read = parent?.id && isGeneralHeading(text) ? undefined : this.#catalog.read(text);
        const match = read?.how === 'word' && parent ? undefined : read;
        const ids = match?.ids ?? [];
        if (ids.length || !parent) {
          // A heading that names a section starts it, at any level; one that names none starts a section of its own
          // only outside every canonical section (its content then counts for no section).
          const h = this.#heading(n, text, ids);
          if (match && match.how !== 'none') h.how = match.how;
          if (match?.how === 'name' && h.id) {
            const spec = this.#catalog.get(h.id);
            const key = headingKey(text);
            if (spec && (key === headingKey(spec.title) || key === headingKey(spec.id))) h.native = true;
          }
          this.#register(h, parsed.headings);
          contents.set(h, []);
          open.push({ depth: n.depth, section: h });
        } else {
          // A subheading that names no section is part of the section above it.
          contents.get(parent)?.push(n);
          open.push({ depth: n.depth, section: undefined });
        }
        continue;
      }
      // A bold label that names a section stands as its heading where no canonical heading holds it: at the top of
      // the document, under a heading that names no section, or after another such label.
      const label = boldLabel(n);
      const above = label ? owner() : undefined;
      const read = label && (!above?.id || above.label) ? this.#catalog.read(label) : undefined;
      // After such a label, one that names no section ("**Not in v1**") ends it, as a heading of the same level would.
      // A longer label named by its last word alone ("**Simplify String() implementation**") is a phrase, not a name.
      const named = !!read?.ids.length && !(read.how === 'head' && countWords(label ?? '') > 2) && !(above?.id && isGeneralHeading(label ?? ''));
      if (label && read && (named || above?.label)) {
        while (open.length && (open[open.length - 1]?.depth ?? 0) >= LABEL_DEPTH) open.pop();
        parsed.outline.push({ text: label, depth: LABEL_DEPTH, start: this.#start(n), line: this.#lines.positionAt(this.#start(n)).line });
        touch(n);
        const h: SectionHeading = { ...this.#heading(n, label, named ? read.ids : []), label: true };
        if (named && read.how !== 'none') h.how = read.how;
        this.#register(h, parsed.headings);
        contents.set(h, []);
        open.push({ depth: LABEL_DEPTH, section: h });
        continue;
      }
      touch(n);
      const o = owner();
      if (o) contents.get(o)?.push(n);
    }
    for (const h of parsed.headings) this.#section(h, contents.get(h) ?? [], parsed);
    for (const s of Object.values(model.sections)) this.#finish(s);
    if (this.#estimates) this.#scanEstimates(children.slice(first?.type === 'yaml' ? 1 : 0), parsed, contents);
    return parsed;
  }

  /**
   * The document's title: its first heading when that is a level-1 heading and either the only one or one that is
   * not the name of a section ("# Summary" in a document of level-1 sections is a section, not a title; "# LLM
   * request migration on engine failure" is a title).
   */
  #title(children: readonly RootContent[], from: number): Heading | undefined {
    let firstHeading: Heading | undefined;
    let h1s = 0;
    for (let j = from; j < children.length; j++) {
      const n = children[j];
      if (n?.type !== 'heading') continue;
      firstHeading ??= n;
      if (n.depth === 1) h1s++;
    }
    if (!firstHeading || firstHeading.depth !== 1) return undefined;
    return h1s === 1 || !this.#catalog.exact(headingKey(textOf(firstHeading))) ? firstHeading : undefined;
  }

  #heading(n: Heading | RootContent, text: string, ids: string[]): SectionHeading {
    return {
      id: ids[0],
      ...(ids.length > 1 ? { also: ids.slice(1) } : {}),
      text,
      depth: n.type === 'heading' ? n.depth : LABEL_DEPTH,
      range: this.#range(n),
      start: this.#start(n),
      contentEnd: this.#end(n),
      empty: true,
    };
  }

  /**
   * Links a heading to an earlier one of the same section. Several headings serve one section in real docs
   * ("Goals" and "Non-goals"; an ML template's "Metrics and losses", "Validation schema" and "Measuring and
   * reporting"), so another name for the section is a part of it, read together with it. Only the same top-level
   * heading written twice ("## Architecture" again) is a duplicate; subsections repeat names under other parents.
   */
  #register(h: SectionHeading, headings: SectionHeading[]): void {
    if (h.id) {
      const first = headings.find((o) => o.id === h.id && !o.duplicateOf && !o.partOf);
      if (first) {
        const same = first.how === 'name' && h.how === 'name' && headingKey(first.text) === headingKey(h.text) && first.depth === h.depth && h.depth <= 2;
        if (same) h.duplicateOf = first;
        else h.partOf = first;
      }
    }
    headings.push(h);
  }

  /** Adds a heading's own content to its sections' models (a part adds to the section it is part of). */
  #section(h: SectionHeading, nodes: RootContent[], parsed: ParsedSnapshot): void {
    if (!h.id || h.duplicateOf) return;
    for (const id of [h.id, ...(h.also ?? [])]) {
      let s = parsed.model.sections[id];
      if (!s) {
        const anchor = id === h.id ? (h.partOf ?? h) : h;
        s = { heading: anchor.text, range: anchor.range, text: '', lowerText: '', wordCount: 0, entries: [], listItems: [], tables: [], code: [], numbers: [], calculations: [], diagrams: [] };
        parsed.model.sections[id] = s;
      }
      const prose: string[] = s.text ? [s.text] : [];
      for (const n of nodes) this.#collect(n, s, prose);
      s.text = prose.join('\n');
    }
  }

  /** Completes a section's model once all its content is in. */
  #finish(s: SectionModel): void {
    // A block of named quantities is a calculation too.
    for (const c of s.code) if (c.lang === 'estimate' && c.content.includes('=')) s.calculations.push({ text: c.content, range: c.range });
    s.lowerText = s.text.toLowerCase();
    s.wordCount = countWords(s.text);
  }

  /**
   * Reads the calculations stated anywhere in the body (before the first section too, under any heading), and
   * counts each line once toward the section whose content holds it; a block of named quantities counts too.
   */
  #scanEstimates(nodes: readonly RootContent[], parsed: ParsedSnapshot, contents: Map<SectionHeading, RootContent[]>): void {
    const ownerOf = new Map<RootContent, SectionHeading>();
    for (const [h, ns] of contents) for (const n of ns) ownerOf.set(n, h.partOf ?? h);
    // Lines already counted, per section: kept as they grow (rebuilt per node, it was quadratic in the lines).
    const seenBySection = new Map<string, Set<number>>();
    for (const n of nodes) {
      const estimates = scanInline(this.#text, [n], this.#shift, this.#tolerance);
      if (!estimates.length) continue;
      parsed.inlineEstimates.push(...estimates);
      const h = ownerOf.get(n);
      if (!h?.id || h.duplicateOf) continue;
      for (const id of [h.id, ...(h.also ?? [])]) {
        const s = parsed.model.sections[id];
        if (!s) continue;
        // A line with a checkable calculation counts once, however many relations it holds.
        let seen = seenBySection.get(id);
        if (!seen) seenBySection.set(id, (seen = new Set(s.calculations.map((c) => c.range.start.line))));
        for (const e of estimates) {
          const lead = e.lineText.length - e.lineText.trimStart().length;
          const range = this.#lines.range(e.lineStart + lead, e.lineStart + e.lineText.trimEnd().length);
          if (seen.has(range.start.line)) continue;
          seen.add(range.start.line);
          s.calculations.push({ text: e.lineText.trim(), range });
        }
      }
    }
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
        case 'code': {
          const c = this.#code(n);
          s.code.push(c);
          const kind = diagramKind(c);
          if (kind) s.diagrams.push({ kind, range: c.range });
          return false;
        }
        case 'image':
        case 'imageReference':
          s.diagrams.push({ kind: 'image', range: this.#range(n) });
          return false;
        case 'html':
          if (/<img\b|<svg\b|<picture\b/i.test(n.value)) s.diagrams.push({ kind: 'image', range: this.#range(n) });
          return false;
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
    const found = scanNumbers(value);
    if (!found.length) return;
    // Where each character of the value sits in the source: the same offset when the source reads as the value; else
    // the source holds a wrapped line's indentation, escapes or entities besides. Unplaceable, a number gets the node's range.
    const source = this.#text.slice(start, end);
    const at = source === value ? undefined : sourceOffsets(value, source);
    for (const m of found) {
      const from = source === value ? m.start : at?.[m.start];
      const to = source === value ? m.end - 1 : at?.[m.end - 1];
      const range = from !== undefined && to !== undefined ? this.#lines.range(start + from, start + to + 1) : this.#lines.range(start, end);
      s.numbers.push({ value: m.value, raw: m.raw, ...(m.unit ? { unit: m.unit, unitKind: m.unitKind } : {}), range });
    }
  }
}

/**
 * For each character of a text node's value, its offset in the node's source, matched in order; the source may hold
 * more (a wrapped line's indentation, a backslash before an escaped character, an entity's letters), at most 8
 * characters at a time. Undefined when the value cannot be placed that way.
 */
function sourceOffsets(value: string, source: string): number[] | undefined {
  const out = new Array<number>(value.length);
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    let skipped = 0;
    while (j < source.length && source[j] !== value[i]) {
      if (++skipped > 8) return undefined;
      j++;
    }
    if (j >= source.length) return undefined;
    out[i] = j++;
  }
  return out;
}
