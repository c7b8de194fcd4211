import type { Nodes, Table } from 'mdast';
import { reviewCache } from './caches.js';
import type { ParsedSnapshot, SectionHeading } from '../model.js';
import { walk } from '../tree.js';
import { LINK_TARGET } from '../estimates/scan.js';

/**
 * Reads a snapshot's prose the way the review rules need it: every paragraph,
 * list item, table row and sub-heading as a block, each split into sentences
 * and clauses, with the canonical section it sits in and exact offsets.
 * Markdown punctuation, link targets, HTML and template placeholders are
 * blanked to spaces of the same length, so a clause's offsets are the
 * source's offsets.
 */

/** One paragraph, list item paragraph, table row or sub-heading. */
export interface Block {
  kind: 'paragraph' | 'item' | 'row' | 'heading';
  /** Canonical id of the section the block sits in; undefined before the first section or under an unknown heading. */
  section: string | undefined;
  /** The section heading the block sits under. */
  heading: SectionHeading | undefined;
  /** The nearest sub-heading (depth 3 and deeper) above the block inside its section, lower-cased. */
  subheading: string;
  /** For list items and table rows: the lower-cased paragraph just before the list or table when it ends with ":" ("Out of scope:"). */
  leadIn: string;
  start: number;
  end: number;
  /** The block's source with Markdown blanked (same length as end - start). */
  text: string;
  /** For a table row: its cells with their column header (lower-cased). */
  cells?: Cell[];
  /** For a table row: the table's header cells, lower-cased. */
  columns?: string[];
  sentences: Sentence[];
}

export interface Cell {
  column: string;
  start: number;
  end: number;
  text: string;
}

export interface Sentence {
  block: Block;
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Ends with "?": asks rather than commits. */
  question: boolean;
  clauses: Clause[];
}

/** A stretch of a sentence that commits to one thing: split at ";", ":", dashes and contrastive conjunctions. */
export interface Clause {
  sentence: Sentence;
  start: number;
  end: number;
  text: string;
  lower: string;
}

/** The prose of one document, read once and shared by every review rule. */
export interface Reading {
  blocks: Block[];
  sentences: Sentence[];
  clauses: Clause[];
  /** Words of the author's own prose (guidance, placeholders, code and diagrams excluded). */
  words: number;
  /** Template guidance comments still in the text. */
  guidance: number;
  /** Sections (canonical ids) that still hold template placeholders or guidance. */
  unfinished: Set<string>;
  /** Sections (canonical ids) with prose of the author's own. */
  written: Set<string>;
}

const cache = new WeakMap<ParsedSnapshot, Reading>();

/** The reading of a parsed snapshot, built on first use and shared by every rule of that version. */
export function readSnapshot(parsed: ParsedSnapshot): Reading {
  let r = cache.get(parsed);
  if (!r) {
    r = build(parsed);
    cache.set(parsed, r);
  }
  return r;
}

const GUIDANCE = /^<!--\s*Guidance\b/i;
// "<Who uses the system…>": a template placeholder (angle brackets around a description with a space in it).
const PLACEHOLDER = /<(?:…|\.\.\.|[A-Z][^<>\n\s]*\s[^<>\n]*)>/g;

/** Blanks what is not prose, keeping every offset: emphasis and code marks, link targets, HTML, placeholders. */
/**
 * What reading a block's text gives, by content: typing in one block leaves every other block's reading to be
 * reused (the estimate evaluator caches block values the same way). Bounded, so no input grows memory.
 */
const cleaned = reviewCache<string, { text: string; placeholders: number }>(4096);
type Shape = { words: number; sentences: Array<{ from: number; to: number; text: string; lower: string; question: boolean; clauses: Array<{ from: number; to: number; text: string; lower: string }> }> };
// One map per kind of block, keyed by the block's text alone (no key strings built on every lookup).
const split: Record<Block['kind'], ReturnType<typeof reviewCache<string, Shape>>> = {
  paragraph: reviewCache<string, Shape>(4096),
  item: reviewCache<string, Shape>(4096),
  row: reviewCache<string, Shape>(2048),
  heading: reviewCache<string, Shape>(1024),
};

function clean(source: string): { text: string; placeholders: number } {
  let hit = cleaned.get(source);
  if (!hit) {
    hit = cleanAfresh(source);
    cleaned.set(source, hit);
  }
  return hit;
}

function cleanAfresh(source: string): { text: string; placeholders: number } {
  let t = source;
  let placeholders = 0;
  // Most blocks are plain prose: each pass runs only when its characters are there.
  if (t.includes('](')) t = t.replace(LINK_TARGET, (m) => ` ${' '.repeat(m.length - 1)}`);
  if (t.includes('<')) {
    t = t.replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\r\n]/g, ' '));
    t = t.replace(PLACEHOLDER, (m) => {
      placeholders++;
      return ' '.repeat(m.length);
    });
    t = t.replace(/<\/?[a-z][^<>\n]*>/gi, (m) => ' '.repeat(m.length));
  }
  // Emphasis and code marks; an underscore inside a word (snake_case) stays.
  // A list marker's indent is spaces and tabs only: `\s` there spans line breaks, and every line start then rescans
  // the blank lines after it.
  if (/[*`~_[\]\\\n]|^[ \t]*(?:[-+]|\d+[.)])\s/.test(t)) t = t.replace(/[*`~]+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])|^[ \t]*(?:[-+*]|\d+[.)])\s|\[|\]|\\(?=\W)/gmu, (m) => ' '.repeat(m.length));
  if (t.includes('>')) t = t.replace(/^[ \t]*>/gm, (m) => ' '.repeat(m.length));
  return { text: t, placeholders };
}

function build(parsed: ParsedSnapshot): Reading {
  const { text, shift } = parsed;
  const headings = [...parsed.headings].sort((a, b) => a.start - b.start);
  const reading: Reading = { blocks: [], sentences: [], clauses: [], words: 0, guidance: 0, unfinished: new Set(), written: new Set() };
  const sectionAt = (offset: number): SectionHeading | undefined => {
    let lo = 0;
    let hi = headings.length - 1;
    let found: SectionHeading | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const h = headings[mid] as SectionHeading;
      if (h.start <= offset) {
        found = h;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const idOf = (h: SectionHeading | undefined): string | undefined => (h ? (h.duplicateOf?.id ?? h.id) : undefined);
  const start = (n: Nodes): number => (n.position?.start.offset ?? 0) + shift;
  const end = (n: Nodes): number => (n.position?.end.offset ?? 0) + shift;
  const sectionStarts = new Set(headings.map((h) => h.start));
  let subheading = '';
  let subFor: SectionHeading | undefined;
  let lastParagraph: { text: string; end: number } | undefined;

  const add = (kind: Block['kind'], s: number, e: number, leadIn: string, extra: Partial<Block> = {}): Block | undefined => {
    const heading = sectionAt(s);
    if (heading !== subFor) {
      subFor = heading;
      subheading = '';
    }
    const { text: cleaned, placeholders } = clean(text.slice(s, e));
    const section = idOf(heading);
    if (placeholders && section) reading.unfinished.add(section);
    if (!/[\p{L}\p{N}]/u.test(cleaned)) return undefined;
    const block: Block = { kind, section, heading, subheading, leadIn, start: s, end: e, text: cleaned, sentences: [], ...extra };
    reading.blocks.push(block);
    return block;
  };

  walk(parsed.tree, (n) => {
    switch (n.type) {
      case 'yaml':
      case 'code':
      case 'definition':
        return false;
      case 'html': {
        if (GUIDANCE.test(n.value)) {
          reading.guidance++;
          const id = idOf(sectionAt(start(n)));
          if (id) reading.unfinished.add(id);
        }
        return false;
      }
      case 'heading': {
        const s = start(n);
        lastParagraph = undefined;
        if (n.depth <= 2 || sectionStarts.has(s)) return false;
        const h = add('heading', s, end(n), '');
        subheading = h ? h.text.replace(/^[\s#]+/, '').trim().toLowerCase() : '';
        return false;
      }
      case 'table':
        readTable(n, lastParagraph, add, start, end);
        return false;
      case 'listItem': {
        // A list item's paragraphs are items; its nested lists are read on their own.
        const lead = lastParagraph && start(n) - lastParagraph.end < 400 ? lastParagraph.text : '';
        for (const c of n.children) {
          if (c.type === 'paragraph') add('item', start(c), end(c), lead);
          else if (c.type === 'list' || c.type === 'table' || c.type === 'blockquote') walk(c, (x) => x === c || visitNested(x));
        }
        return false;
      }
      case 'paragraph': {
        const b = add('paragraph', start(n), end(n), '');
        const t = b ? b.text.trim() : '';
        lastParagraph = t.endsWith(':') ? { text: t.toLowerCase(), end: end(n) } : undefined;
        return false;
      }
      default:
        return true;
    }
  });

  // Nested lists under a list item: read their items with the same lead-in rules.
  function visitNested(x: Nodes): boolean {
    if (x.type === 'listItem') {
      for (const c of x.children) if (c.type === 'paragraph') add('item', start(c), end(c), '');
      return true;
    }
    if (x.type === 'table') {
      readTable(x, undefined, add, start, end);
      return false;
    }
    return x.type === 'list' || x.type === 'blockquote';
  }

  for (const b of reading.blocks) {
    const byText = split[b.kind];
    let shape = byText.get(b.text);
    if (!shape) {
      splitSentences(b);
      shape = {
        words: countWords(b.text),
        sentences: b.sentences.map((x) => ({ from: x.start - b.start, to: x.end - b.start, text: x.text, lower: x.lower, question: x.question, clauses: x.clauses.map((c) => ({ from: c.start - b.start, to: c.end - b.start, text: c.text, lower: c.lower })) })),
      };
      byText.set(b.text, shape);
    } else {
      // The same text read before: the same sentences and clauses, at this block's offsets.
      for (const x of shape.sentences) {
        const sentence: Sentence = { block: b, start: b.start + x.from, end: b.start + x.to, text: x.text, lower: x.lower, question: x.question, clauses: [] };
        for (const c of x.clauses) sentence.clauses.push({ sentence, start: b.start + c.from, end: b.start + c.to, text: c.text, lower: c.lower });
        b.sentences.push(sentence);
      }
    }
    for (const s of b.sentences) {
      reading.sentences.push(s);
      for (const c of s.clauses) reading.clauses.push(c);
    }
    reading.words += shape.words;
    if (b.section && shape.words > 0) reading.written.add(b.section);
  }
  return reading;
}

const TOKEN = /\S+/g;
const WORDY = /[\p{L}\p{N}]/u;

/**
 * Whitespace-separated words that hold a letter or digit (as the model counts them). Token by token: a pattern
 * that looks for the letter inside a token retried from every character of a long run without one (quadratic).
 */
function countWords(text: string): number {
  TOKEN.lastIndex = 0;
  let n = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) if (WORDY.test(m[0])) n++;
  return n;
}

function readTable(
  n: Table,
  lastParagraph: { text: string; end: number } | undefined,
  add: (kind: Block['kind'], s: number, e: number, leadIn: string, extra?: Partial<Block>) => Block | undefined,
  start: (n: Nodes) => number,
  end: (n: Nodes) => number,
): void {
  const [head, ...body] = n.children;
  const columns = head ? head.children.map((c) => clean(textOfCell(c)).text.trim().toLowerCase()) : [];
  const lead = lastParagraph && start(n) - lastParagraph.end < 400 ? lastParagraph.text : '';
  for (const row of body) {
    const cells: Cell[] = [];
    row.children.forEach((c, i) => {
      cells.push({ column: columns[i] ?? '', start: start(c), end: end(c), text: '' });
    });
    const block = add('row', start(row), end(row), lead, { columns });
    if (!block) continue;
    // Cell texts are read from the cleaned row so their offsets agree with it; pipes end clauses.
    for (const c of cells) c.text = block.text.slice(c.start - block.start, c.end - block.start).replace(/\|/g, ' ');
    block.cells = cells;
    block.text = block.text.replace(/\|/g, ';');
  }
}

function textOfCell(c: Nodes): string {
  let out = '';
  walk(c, (x) => {
    if (x.type === 'text' || x.type === 'inlineCode') out += x.value;
  });
  return out;
}

// Where a sentence ends: ". ", "! ", "? " (not after e.g., i.e., vs., etc., a lone initial or a decimal point), or a
// line break after a full stop or colon.
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'vs', 'etc', 'approx', 'incl', 'cf', 'fig']);

/** True when the "." at `i` ends an abbreviation or an initial rather than a sentence. */
function abbreviation(t: string, i: number): boolean {
  let j = i;
  while (j > 0 && i - j < 8 && /[A-Za-z.]/.test(t[j - 1] ?? '')) j--;
  const word = t.slice(j, i);
  return (word.length === 1 && word >= 'A' && word <= 'Z') || ABBREVIATIONS.has(word.toLowerCase());
}

function splitSentences(b: Block): void {
  const t = b.text;
  let from = 0;
  const push = (to: number): void => {
    const raw = t.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (/[\p{L}\p{N}]/u.test(body)) {
      const s = b.start + from + lead;
      const sentence: Sentence = { block: b, start: s, end: s + body.length, text: body, lower: body.toLowerCase(), question: /\?\s*$/.test(body), clauses: [] };
      splitClauses(sentence);
      b.sentences.push(sentence);
    }
    from = to;
  };
  // The last character that is not whitespace, kept as the text is walked (slicing back from each line break to find
  // it was quadratic in a run of blank-looking lines).
  let lastSolid = -1;
  for (let i = 0; i < t.length; i++) {
    const c = t[i] as string;
    if (c === '.' || c === '!' || c === '?') {
      lastSolid = i;
      const next = t[i + 1];
      if (next !== undefined && !/\s/.test(next)) continue;
      if (c === '.' && abbreviation(t, i)) continue;
      push(i + 1);
    } else if (c === '\n') {
      if (lastSolid >= from && '.:;!?'.includes(t[lastSolid] as string)) push(i + 1);
    } else if (!/\s/.test(c)) lastSolid = i;
  }
  push(t.length);
}

// Clause boundaries: ";", ": ", spaced dashes, and conjunctions that turn to a new commitment ("but", "while",
// "whereas", "instead", ", so", ", which", ", and we…"). A run of spaces is tried from its start only (`(?<!\s)`):
// tried from each of its spaces, a long run cost time quadratic in its length.
const CLAUSE_BREAK = /;|:(?=\s)|\s[—–]\s|\s-\s|,?(?<!\s)\s+(?:but|while|whereas|although|though|however|yet)\s+|,\s+(?:so|which|instead|then|and\s+(?=(?:we|it|they|the|every|each|all|our|this|that|these|those|its|their)\b))\s*/gi;

/**
 * A clause is read up to this many characters. Real clauses are a line or two; the rules read each mention's
 * surroundings in its clause, so one 60 KB "clause" (a run of numbers or terms without a full stop) made every
 * mention cost the whole clause.
 */
export const MAX_CLAUSE_CHARS = 1000;

function splitClauses(s: Sentence): void {
  const t = s.text;
  let from = 0;
  const push = (to: number, next: number): void => {
    const raw = t.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim().slice(0, MAX_CLAUSE_CHARS);
    if (/[\p{L}\p{N}]/u.test(body)) {
      const start = s.start + from + lead;
      // The sentence is lower-cased once; a clause is a slice of it (same length for the text we read).
      const lower = s.lower.length === t.length ? s.lower.slice(from + lead, from + lead + body.length) : body.toLowerCase();
      s.clauses.push({ sentence: s, start, end: start + body.length, text: body, lower });
    }
    from = next;
  };
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(t))) {
    // Keep the conjunction with the clause it opens: "but we chose Y" reads as one commitment.
    const word = /[a-z]+/i.exec(m[0]);
    if (word) push(m.index, m.index + word.index);
    else push(m.index, m.index + m[0].length);
    if (m[0].length === 0) CLAUSE_BREAK.lastIndex++;
  }
  push(t.length, t.length);
}
