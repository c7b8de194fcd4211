import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/**
 * GFM as remark-gfm adds it (the same micromark and mdast extensions), less
 * literal autolinks: turning bare URLs into links re-walks every text node with
 * URL patterns, costs about a quarter of the parse on real design docs
 * (bench/RESULTS.md), and no rule reads links.
 */
function gfmWithoutAutolinkLiteral(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough(), gfmTaskListItem(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmFootnoteFromMarkdown());
}

// Built once: creating a unified processor and freezing it costs more than a small parse.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfmWithoutAutolinkLiteral).freeze();

/** Parses Markdown (CommonMark, GFM tables, strikethrough, task lists, footnotes, YAML frontmatter) into mdast with source offsets. */
export function parseMarkdown(text: string): Root {
  return processor.parse(flattenDeepContainers(text));
}

/** The Markdown tree parseSnapshot builds on (a byte order mark is left out; offsets are shifted back by the model). */
export function markdownTree(text: string): Root {
  return parseMarkdown(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** Lists and block quotes nested deeper than this are read as the deepest one's content: text, or indented code where the blanked markers leave four spaces (no real document comes close). */
export const MAX_CONTAINER_MARKERS = 32;
/** The same cap by indentation: a list item marker this far right is text (64 levels at two spaces each). */
export const MAX_CONTAINER_COLUMN = 128;

/**
 * Blanks the list and block quote markers of lines nested past the caps, so they read as text of the deepest
 * container. mdast's list preparation walks every nested list's events once per enclosing list, so a list nested
 * 800 levels deep took 14 s to parse; capped, it takes as long as any other text. One character is replaced by one
 * space: every offset stays the same. Linear: only each line's leading markers are looked at.
 */
export function flattenDeepContainers(text: string): string {
  let blanks: number[] | undefined;
  let i = 0;
  const n = text.length;
  // The next line ending of each kind, found again only once passed (so the whole text is searched once).
  let nextLf = -1;
  let nextCr = -1;
  while (i < n) {
    let column = 0;
    let markers = 0;
    // The line's container prefix: whitespace, `>`, bullets and ordered-list markers.
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32) {
        column++;
        i++;
      } else if (c === 9) {
        column += 4 - (column % 4);
        i++;
      } else {
        let end = i;
        if (c === 62 /* > */) end = i + 1;
        else if (c === 45 || c === 43 || c === 42 /* - + * */) end = followedBySpace(text, i + 1) ? i + 1 : i;
        else if (c >= 48 && c <= 57) {
          let j = i;
          while (j < n && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
          const d = text.charCodeAt(j);
          end = (d === 46 || d === 41) /* . ) */ && followedBySpace(text, j + 1) ? j + 1 : i;
        }
        if (end === i) break;
        if (markers >= MAX_CONTAINER_MARKERS || column >= MAX_CONTAINER_COLUMN) (blanks ??= []).push(i, end);
        markers++;
        column += end - i;
        i = end;
      }
    }
    if (nextLf !== n && nextLf < i) nextLf = indexOrEnd(text, '\n', i);
    if (nextCr !== n && nextCr < i) nextCr = indexOrEnd(text, '\r', i);
    i = Math.min(nextLf, nextCr) + 1;
  }
  if (!blanks) return text;
  const parts: string[] = [];
  let from = 0;
  for (let k = 0; k < blanks.length; k += 2) {
    const start = blanks[k] as number;
    const end = blanks[k + 1] as number;
    parts.push(text.slice(from, start), ' '.repeat(end - start));
    from = end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

function indexOrEnd(text: string, what: string, from: number): number {
  const at = text.indexOf(what, from);
  return at === -1 ? text.length : at;
}

function followedBySpace(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return Number.isNaN(c) || c === 32 || c === 9 || c === 10 || c === 13;
}
