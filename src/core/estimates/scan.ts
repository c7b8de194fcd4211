import type { Nodes, RootContent } from 'mdast';
import type { LineIndex, Range } from '../position.js';
import { Lru } from '../lru.js';
import { walk } from '../tree.js';
import { proseLine, type BlockLine, type EstimateEvaluator } from './block.js';
import { checkLine, RELATION, type InlineCheck } from './inline.js';

/** An inline estimate found in the document, with absolute offsets. */
export interface InlineEstimate {
  check: InlineCheck;
  /** Offset of the start of the line the check was read from. */
  lineStart: number;
  /** The line as read (inline code, HTML and link targets blanked out). */
  lineText: string;
}

// A "](" ends the scan: a run of "](" without ")" is read once, not once per bracket ("[…]" inside a target stays).
export const LINK_TARGET = /\]\((?:[^)\n\]]|\](?!\())*\)/g;
/** A TeX span ("$2 \times 10^{25}$", "$$…$$"): its arithmetic is typeset, not stated; an escaped "\$" is a dollar. */
const TEX = /(?<!\\)\$\$[^$]*\$\$|(?<!\\)\$(?=[^$\n]*(?:\\[a-zA-Z]|[_^]\{))[^$\n]+(?<!\\)\$/g;
/** Markdown escapes: the backslash of "2\*8" or "\$2" is not part of the text. */
const ESCAPE = /\\(?=[\\`*_{}[\]()#+\-.!$|~])/g;

function offsetOf(n: Nodes, shift: number, which: 'start' | 'end'): number {
  return (n.position?.[which].offset ?? 0) + shift;
}

/**
 * The text of one paragraph, heading or table cell as the estimate reader reads it, same length as the source so
 * offsets stay exact: raw HTML, struck-out text, link targets, TeX and Markdown syntax (emphasis markers, the
 * backticks of inline code, escapes) are blanked; the words and numbers in bold or in inline code are kept.
 */
function readable(text: string, n: Nodes, s: number, e: number, shift: number): string {
  const blanks: Array<[number, number]> = [];
  walk(n, (c) => {
    const cs = offsetOf(c, shift, 'start') - s;
    const ce = offsetOf(c, shift, 'end') - s;
    if (c.type === 'html' || c.type === 'delete') {
      blanks.push([cs, ce]);
      return false;
    }
    if (c.type === 'inlineCode') {
      // Only the backticks: "`modelSize = 7.15 × 1.02 = 7.29 GiB`" states a result.
      const src = text.slice(s + cs, s + ce);
      const open = /^`+ ?/.exec(src)?.[0].length ?? 0;
      const closing = / ?`+$/.exec(src)?.[0].length ?? 0;
      blanks.push([cs, cs + open], [ce - closing, ce]);
      return false;
    }
    if ((c.type === 'emphasis' || c.type === 'strong') && c.children.length) {
      blanks.push([cs, offsetOf(c.children[0] as Nodes, shift, 'start') - s], [offsetOf(c.children[c.children.length - 1] as Nodes, shift, 'end') - s, ce]);
    }
    return true;
  });
  const chars = text.slice(s, e).split('');
  const clear = (from: number, to: number): void => {
    for (let i = Math.max(0, from); i < Math.min(to, chars.length); i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  for (const [from, to] of blanks) clear(from, to);
  let slice = chars.join('');
  for (const re of [TEX, LINK_TARGET, ESCAPE]) {
    slice = slice.replace(re, (m) => (re === LINK_TARGET ? `]${' '.repeat(m.length - 1)}` : m.replace(/[^\r\n]/g, ' ')));
  }
  return slice;
}

/** Checks by line text: a keystroke elsewhere leaves a snapshot's calculation lines as they were. */
const checks = new Lru<string, InlineCheck[]>(2048);
const CACHED_LINE = 2000;

/** checkLine, cached for lines of ordinary length (the checks are read, never changed). */
function checkedLine(line: string, tolerance: number): InlineCheck[] {
  if (line.length > CACHED_LINE) return checkLine(line, tolerance);
  const key = `${tolerance}\u0000${line}`;
  let found = checks.get(key);
  if (!found) checks.set(key, (found = checkLine(line, tolerance)));
  return found;
}

/** Forgets the cached line checks (benchmarks measure a cold check with it). */
export function clearInlineChecks(): void {
  checks.clear();
}

/**
 * Reads every paragraph, heading and table cell under `nodes` line by line and checks the calculations it
 * states; quotations and code blocks are not the author's own arithmetic.
 */
export function scanInline(text: string, nodes: readonly RootContent[], shift: number, tolerance: number): InlineEstimate[] {
  const out: InlineEstimate[] = [];
  for (const top of nodes) {
    walk(top, (n) => {
      // An ```estimate block's lines written as notes are calculations like any in the text; the rest is evaluated as the block.
      if (n.type === 'code' && (n.lang ?? '').toLowerCase() === 'estimate') {
        out.push(...notesOf(text, n.value, offsetOf(n, shift, 'start'), tolerance));
        return false;
      }
      if (n.type === 'code' || n.type === 'html' || n.type === 'yaml' || n.type === 'blockquote') return false;
      if (n.type !== 'paragraph' && n.type !== 'heading' && n.type !== 'tableCell') return true;
      const s = offsetOf(n, shift, 'start');
      const e = offsetOf(n, shift, 'end');
      const raw = text.slice(s, e);
      if (!RELATION.test(raw) || !/\d/.test(raw)) return false;
      const slice = readable(text, n, s, e, shift);
      let from = 0;
      for (const line of slice.split(/\r\n|\r|\n/)) {
        for (const check of checkedLine(line, tolerance)) out.push({ check, lineStart: s + from, lineText: line });
        from += line.length + (slice.startsWith('\r\n', from + line.length) ? 2 : 1);
      }
      return false;
    });
  }
  return out;
}

/** The checks of an estimate block's note lines (proseLine), each at its own line of the document. */
function notesOf(text: string, value: string, fenceStart: number, tolerance: number): InlineEstimate[] {
  const out: InlineEstimate[] = [];
  // The content starts on the line after the opening fence; each line is found in the document in order (a fence
  // inside a list keeps its indentation in the document, not in the node's value).
  let cursor = text.indexOf('\n', fenceStart) + 1;
  if (cursor <= 0) return out;
  for (const line of value.split(/\r\n|\r|\n/)) {
    const at = line ? text.indexOf(line, cursor) : -1;
    if (at < 0) continue;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    cursor = at + line.length;
    if (!proseLine(line) || !/\d/.test(line)) continue;
    const lineEnd = text.indexOf('\n', at);
    const lineText = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
    for (const check of checkedLine(lineText, tolerance)) out.push({ check, lineStart, lineText });
  }
  return out;
}

/** An ```estimate block with the value of each of its lines. */
export interface EstimateBlock {
  range: Range;
  /** 0-based document line of the block's first content line. */
  contentLine: number;
  lines: BlockLine[];
}

/** Every ```estimate block of the document, evaluated by `evaluator` (which caches values by block text). */
export function estimateBlocks(tree: Nodes, lines: LineIndex, shift: number, evaluator: EstimateEvaluator): EstimateBlock[] {
  const out: EstimateBlock[] = [];
  walk(tree, (n) => {
    if (n.type !== 'code') return true;
    if ((n.lang ?? '').toLowerCase() !== 'estimate') return false;
    const start = (n.position?.start.offset ?? 0) + shift;
    const end = (n.position?.end.offset ?? 0) + shift;
    out.push({ range: lines.range(start, end), contentLine: lines.positionAt(start).line + 1, lines: evaluator.evaluate(n.value) });
    return false;
  });
  return out;
}
