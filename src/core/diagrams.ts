import type { ParsedSnapshot } from './model.js';
import { walk } from './tree.js';

/** One ```mermaid block of a snapshot, as the preview shows it. */
export interface DiagramBlock {
  /** The diagram text, fences excluded. */
  source: string;
  /** Heading of the section the block sits in ('' before the first section heading). */
  section: string;
  /** 0-based lines of the opening and closing fence (the last line of the block when it is unclosed). */
  startLine: number;
  endLine: number;
  /** 0-based line of the diagram's first line. */
  contentLine: number;
}

/** Every ```mermaid block of a parsed snapshot, in document order. */
export function diagramBlocks(parsed: ParsedSnapshot): DiagramBlock[] {
  const out: DiagramBlock[] = [];
  const headings = [...parsed.headings].sort((a, b) => a.start - b.start);
  let h = -1;
  walk(parsed.tree, (n) => {
    if (n.type !== 'code') return true;
    if ((n.lang ?? '').toLowerCase() !== 'mermaid') return false;
    const startOffset = (n.position?.start.offset ?? 0) + parsed.shift;
    while (h + 1 < headings.length && (headings[h + 1]?.start ?? Infinity) <= startOffset) h++;
    const startLine = parsed.lines.positionAt(startOffset).line;
    const endLine = parsed.lines.positionAt((n.position?.end.offset ?? 0) + parsed.shift).line;
    out.push({ source: n.value, section: h >= 0 ? (headings[h]?.text ?? '') : '', startLine, endLine, contentLine: startLine + 1 });
    return false;
  });
  return out;
}
