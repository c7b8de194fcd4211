import type { Nodes, RootContent } from 'mdast';
import type { LineIndex, Range } from '../position.js';
import { walk } from '../tree.js';
import type { BlockLine, EstimateEvaluator } from './block.js';
import { checkLine, type InlineCheck } from './inline.js';

/** An inline estimate found in the document, with absolute offsets. */
export interface InlineEstimate {
  check: InlineCheck;
  /** Offset of the start of the line the check was read from. */
  lineStart: number;
  /** The line as read (inline code, HTML and link targets blanked out). */
  lineText: string;
}

const LINK_TARGET = /\]\([^)\n]*\)/g;

/**
 * Reads every paragraph, heading and table cell under `nodes` line by line and
 * checks the calculations it states. Inline code, HTML comments and link
 * targets are blanked out (same length), so offsets stay exact.
 */
export function scanInline(text: string, nodes: readonly RootContent[], shift: number, tolerance: number): InlineEstimate[] {
  const out: InlineEstimate[] = [];
  for (const top of nodes) {
    walk(top, (n) => {
      // Code, raw HTML and quotations are not the author's own arithmetic.
      if (n.type === 'code' || n.type === 'html' || n.type === 'yaml' || n.type === 'blockquote') return false;
      if (n.type !== 'paragraph' && n.type !== 'heading' && n.type !== 'tableCell') return true;
      const s = (n.position?.start.offset ?? 0) + shift;
      const e = (n.position?.end.offset ?? 0) + shift;
      let slice = text.slice(s, e);
      if (!/[=≈~→]/.test(slice) || !/\d/.test(slice)) return false;
      const blank = (from: number, to: number): void => {
        slice = slice.slice(0, from) + slice.slice(from, to).replace(/[^\r\n]/g, ' ') + slice.slice(to);
      };
      walk(n as Nodes, (c) => {
        if (c.type === 'inlineCode' || c.type === 'html') {
          blank((c.position?.start.offset ?? 0) + shift - s, (c.position?.end.offset ?? 0) + shift - s);
          return false;
        }
        return true;
      });
      slice = slice.replace(LINK_TARGET, (m) => `]${' '.repeat(m.length - 1)}`);
      let from = 0;
      for (const line of slice.split(/\r\n|\r|\n/)) {
        for (const check of checkLine(line, tolerance)) out.push({ check, lineStart: s + from, lineText: line });
        from += line.length + (slice.startsWith('\r\n', from + line.length) ? 2 : 1);
      }
      return false;
    });
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
