/**
 * What the error translator needs to know about a diagram's text, found without mermaid: which of its lines
 * mermaid's parser actually sees (mermaid strips frontmatter, directives and comments before parsing, so its
 * line numbers are not the author's), the diagram type, and the brackets and quotes left open.
 */

/** The diagram types mermaid 11 knows, as written on a diagram's first line. */
export const DIAGRAM_TYPES = [
  'flowchart', 'graph', 'sequenceDiagram', 'classDiagram', 'classDiagram-v2', 'stateDiagram', 'stateDiagram-v2', 'erDiagram', 'gantt', 'pie',
  'gitGraph', 'mindmap', 'timeline', 'journey', 'quadrantChart', 'xychart-beta', 'xychart', 'C4Context', 'C4Container', 'C4Component',
  'C4Dynamic', 'C4Deployment', 'block-beta', 'block', 'requirementDiagram', 'sankey-beta', 'sankey', 'kanban', 'architecture-beta',
  'architecture', 'packet-beta', 'packet', 'radar-beta', 'treemap-beta', 'treemap', 'info',
] as const;

/** A diagram's text as mermaid's parser receives it, with each of its lines' 0-based line in the original text. */
export interface ParsedView {
  text: string;
  /** lineOf[i]: the original line of the parser's line i. */
  lineOf: number[];
}

const FRONTMATTER = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s;
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
const COMMENT = /^\s*%%(?!{)[^\n]+\n?/gm;

/** Applies a replacement to text whose characters carry their original line, keeping the lines of kept characters. */
function remove(view: { text: string; at: number[] }, re: RegExp): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(view.text); m; m = re.global ? re.exec(view.text) : null) {
    text += view.text.slice(last, m.index);
    // A loop, not a spread: spreading a diagram-long array into arguments overflows the stack past ~125k characters.
    for (let k = last; k < m.index; k++) at.push(view.at[k] as number);
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
    if (!re.global) break;
  }
  text += view.text.slice(last);
  for (let k = last; k < view.at.length; k++) at.push(view.at[k] as number);
  return { text, at };
}

/** Mermaid's cleanupText: LF line ends, and attribute quotes inside HTML tags turned into single quotes (same length). */
export function cleanup(diagram: string): string {
  return diagram.replace(/\r\n?/g, '\n').replace(/<(\w+)([^>]*)>/g, (_, tag: string, attrs: string) => `<${tag}${attrs.replace(/="([^"]*)"/g, "='$1'")}>`);
}

/**
 * The text mermaid 11's parser sees (its preprocessDiagram: CRLF → LF, frontmatter and the blank lines after it,
 * %%{…}%% directives, comment lines, leading blank space), and where each of its lines came from.
 */
export function parsedView(diagram: string, family?: DiagramFamily): ParsedView {
  const lf = cleanup(diagram);
  const at: number[] = [];
  let line = 0;
  for (const ch of lf) {
    at.push(line);
    if (ch === '\n') line++;
  }
  let view = { text: lf, at };
  view = remove(view, FRONTMATTER);
  view = remove(view, DIRECTIVE);
  view = remove(view, COMMENT);
  view = remove(view, /^\s+/);
  // The Sankey parser also drops blank lines before it parses (its prepareTextForParsing).
  if (family === 'sankey') view = remove(view, /(?<=\n)[^\S\n]*\n/g);
  const lineOf = [view.at[0] ?? line];
  for (let i = 0; i < view.text.length; i++) if (view.text[i] === '\n') lineOf.push(view.at[i + 1] ?? (view.at[i] ?? line) + 1);
  return { text: view.text, lineOf };
}

/**
 * Where jison's excerpt of the error ("...past text" + "upcoming", then a caret under the boundary) sits in the
 * parsed text: the offset of the offending token, found by matching the excerpt (jison's own line count is off
 * after some tokens, such as a `}` followed by a blank line). Undefined when the excerpt is not found.
 */
export function excerptOffset(message: string, parsedText: string, nearLine?: number): number | undefined {
  const lines = message.split('\n');
  const caret = lines.findIndex((l) => /^-*\^$/.test(l));
  if (caret < 1) return undefined;
  const excerpt = lines[caret - 1] ?? '';
  const at = (lines[caret] ?? '').length - 1;
  const pre = excerpt.slice(0, at).replace(/^\.\.\./, '');
  const up = excerpt.slice(at).replace(/\.\.\.$/, '');
  const text = `${parsedText}\n`;
  let stripped = '';
  const index: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') continue;
    stripped += text[i];
    index.push(i);
  }
  index.push(text.length - 1);
  const needle = pre + up;
  if (!needle) return undefined;
  let best: number | undefined;
  let bestDistance = Infinity;
  for (let pos = stripped.indexOf(needle); pos >= 0; pos = stripped.indexOf(needle, pos + 1)) {
    const offset = Math.min(index[pos + pre.length] ?? text.length - 1, parsedText.length);
    const line = parsedText.slice(0, offset).split('\n').length;
    const distance = nearLine === undefined ? 0 : Math.abs(line - nearLine);
    if (distance < bestDistance) [best, bestDistance] = [offset, distance];
  }
  return best;
}

/** The original 0-based line of the parser's 1-based line `n` (clamped to the diagram). */
export function originalLine(view: ParsedView, n: number, lineCount: number): number {
  const i = Math.min(Math.max(n - 1, 0), view.lineOf.length - 1);
  return Math.min(view.lineOf[i] ?? 0, Math.max(lineCount - 1, 0));
}

/** Lines of a diagram that carry syntax: not frontmatter, not a directive, not a comment, not blank. */
export function contentLines(diagram: string): Set<number> {
  const view = parsedView(diagram);
  const lines = view.text.split('\n');
  const out = new Set<number>();
  lines.forEach((l, i) => {
    if (l.trim()) out.add(view.lineOf[i] ?? i);
  });
  return out;
}

/** The diagram's type word (first word of its first content line) and that line. */
export function diagramHeader(diagram: string): { word: string; line: number; column: number } | undefined {
  const view = parsedView(diagram);
  const first = view.text.split('\n')[0] ?? '';
  const m = /^\s*([^\s;:{]+)/.exec(first);
  if (!m?.[1]) return undefined;
  const line = view.lineOf[0] ?? 0;
  const original = diagram.split(/\r?\n/)[line] ?? '';
  return { word: m[1], line, column: Math.max(0, original.indexOf(m[1])) };
}

/** The family of a diagram type word: what decides its syntax for the scanner and the messages. */
export type DiagramFamily =
  | 'flowchart' | 'sequence' | 'class' | 'state' | 'er' | 'gantt' | 'pie' | 'git' | 'mindmap' | 'timeline' | 'journey' | 'quadrant'
  | 'xychart' | 'c4' | 'block' | 'requirement' | 'sankey' | 'kanban' | 'architecture' | 'packet' | 'radar' | 'treemap' | 'other';

export function familyOf(word: string | undefined): DiagramFamily {
  const w = (word ?? '').toLowerCase();
  if (w === 'flowchart' || w === 'graph' || w.startsWith('flowchart-')) return 'flowchart';
  if (w === 'sequencediagram') return 'sequence';
  if (w.startsWith('classdiagram')) return 'class';
  if (w.startsWith('statediagram')) return 'state';
  if (w === 'erdiagram') return 'er';
  if (w === 'gantt') return 'gantt';
  if (w === 'pie') return 'pie';
  if (w === 'gitgraph') return 'git';
  if (w === 'mindmap') return 'mindmap';
  if (w === 'timeline') return 'timeline';
  if (w === 'journey') return 'journey';
  if (w === 'quadrantchart') return 'quadrant';
  if (w.startsWith('xychart')) return 'xychart';
  if (w.startsWith('c4')) return 'c4';
  if (w.startsWith('block')) return 'block';
  if (w === 'requirementdiagram') return 'requirement';
  if (w.startsWith('sankey')) return 'sankey';
  if (w === 'kanban') return 'kanban';
  if (w.startsWith('architecture')) return 'architecture';
  if (w.startsWith('packet')) return 'packet';
  if (w.startsWith('radar')) return 'radar';
  if (w.startsWith('treemap')) return 'treemap';
  return 'other';
}

/** Families whose text after a colon is free prose: brackets there are not syntax. */
const FREE_TEXT: ReadonlySet<DiagramFamily> = new Set(['gantt', 'timeline', 'journey', 'sequence', 'kanban', 'other']);
/** Families where a double quote delimits a string (elsewhere a quote is just a character of prose). */
const QUOTED: ReadonlySet<DiagramFamily> = new Set(['sequence', 'flowchart', 'class', 'state', 'er', 'pie', 'git', 'c4', 'block', 'requirement', 'sankey', 'packet', 'treemap', 'xychart', 'quadrant', 'radar', 'mindmap', 'kanban', 'architecture']);

export type Bracket = '[' | '(' | '{' | '"';
const CLOSER: Record<Bracket, string> = { '[': ']', '(': ')', '{': '}', '"': '"' };

/** A bracket or quote opened and not closed, or a closer with nothing to close. */
export interface Unbalanced {
  kind: 'unclosed' | 'stray';
  /** The opener (or, for a stray closer, the closer). */
  char: string;
  /** What closes it. */
  closer: string;
  line: number;
  column: number;
}

export function closerOf(b: Bracket): string {
  return CLOSER[b];
}

/** The line up to its first colon outside brackets and quotes: what follows is prose in free-text families. */
function beforeProse(line: string): string {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '{' || ch === '[' || ch === '(') depth++;
    else if ((ch === '}' || ch === ']' || ch === ')') && depth > 0) depth--;
    else if (ch === ':' && depth === 0) return line.slice(0, i);
  }
  return line;
}

/** Blanks out (same length) what looks like a bracket but is syntax of its own in this family. */
function neutralize(line: string, family: DiagramFamily): string {
  const blank = (s: string): string => ' '.repeat(s.length);
  let l = line;
  // A comment at the end of a line is no syntax.
  if (family === 'er') l = l.replace(/[|}o{]{1,2}(?=\s*(?:--|\.\.))|(?<=(?:--|\.\.)\s*)[|o{}]{1,2}/g, blank);
  if (family === 'sequence') l = l.replace(/-+\)/g, blank);
  if (family === 'class') l = l.replace(/<<[^>]*>>/g, blank).replace(/~[^~\s]*~/g, blank);
  if (family === 'state') l = l.replace(/<<[^>]*>>/g, blank);
  if (family === 'flowchart') l = l.replace(/#\w+;/g, blank);
  if (family === 'mindmap') {
    l = l.replace(/\)\)(.*?)\(\(/g, (m, inner: string) => `((${inner}))`).replace(/(?<=[\w\s])\)([^()]*)\(/g, (m, inner: string) => `(${inner})`);
  }
  if (family === 'block') l = l.replace(/<\[/g, ' [').replace(/\]>/g, '] ');
  return l;
}

/**
 * Brackets and quotes a diagram leaves open, each where it opened, in line order (innermost first on a line).
 * Strings in double quotes hide the brackets inside them. In flowcharts and block diagrams a label may run over
 * lines, so brackets carry over to the next line; elsewhere `[`, `(` and quotes close on their line and `{` opens a
 * block that may span lines. In families whose statements end in free prose (sequence messages, gantt tasks…) only
 * the part before the first colon is scanned.
 */
export function unbalanced(diagram: string, family: DiagramFamily): Unbalanced[] {
  const view = parsedView(diagram, family);
  const lines = view.text.split('\n');
  const out: Unbalanced[] = [];
  type Open = { ch: Bracket; line: number; column: number; indent: number };
  const blocks: Open[] = [];
  const carry = family === 'flowchart' || family === 'block';
  const flowLike = carry || family === 'er' || family === 'state' || family === 'class' || family === 'mindmap' || family === 'kanban';
  const original = cleanup(diagram).split('\n');
  const quoted = QUOTED.has(family);
  const quotesOn = (i: number): number => (lines[i]?.match(/"/g) ?? []).length;
  /** A quote left open continues where the next line with quotes (within a few lines) has an odd number of them. */
  const closedBelow = (i: number): boolean => {
    for (let j = i + 1; j < Math.min(lines.length, i + 10); j++) if (quotesOn(j)) return quotesOn(j) % 2 === 1;
    return false;
  };
  let stack: Open[] = [];
  let markdown = false;
  let quote: { line: number; column: number } | undefined;
  const unclosed = (o: { ch: Bracket; line: number; column: number }): void => void out.push({ kind: 'unclosed', char: o.ch, closer: CLOSER[o.ch], line: o.line, column: o.column });
  lines.forEach((_, i) => {
    const lineNo = view.lineOf[i] ?? i;
    // Work on the author's line (same columns), but only on lines mermaid parses.
    let text = (original[lineNo] ?? lines[i] ?? '').replace(/%%\{.*?(?:\}%%|$)/g, (m) => ' '.repeat(m.length));
    text = text.replace(/%%(?!{).*$/, (m) => ' '.repeat(m.length));
    if (FREE_TEXT.has(family) && !markdown && !quote) text = beforeProse(text);
    text = neutralize(text, family);
    const indent = text.length - text.trimStart().length;
    if (!carry && !markdown) stack = [];
    for (let c = 0; c < text.length; c++) {
      const ch = text[c] as string;
      if (markdown) {
        // A "`markdown string`" may run over lines; it ends at the next `".
        if (ch === '`' && text[c + 1] === '"') {
          markdown = false;
          c++;
        }
        continue;
      }
      if (quote) {
        if (ch !== '"') continue;
        // A "string" with an arrow in it is two strings, one of them unclosed: "1 --> "*" Ticket.
        if (quote.line === lineNo && /\s(?:--|==|-\.|\.\.)\S*\s/.test(text.slice(quote.column + 1, c))) {
          unclosed({ ch: '"', ...quote });
          quote = { line: lineNo, column: c };
        } else quote = undefined;
        continue;
      }
      if (ch === '"' && quoted && text[c + 1] === '`' && flowLike) {
        markdown = true;
        c++;
      } else if (ch === '"' && quoted) {
        quote = { line: lineNo, column: c };
      } else if (ch === '[' || ch === '(' || ch === '{') {
        stack.push({ ch, line: lineNo, column: c, indent });
      } else if (ch === '>' && (family === 'flowchart' || family === 'block') && !stack.length && /\w/.test(text[c - 1] ?? '') && /[^\s>-]/.test(text[c + 1] ?? ' ') && text.indexOf(']', c) > 0) {
        // The asymmetric shape id>label] opens with '>' and closes with ']'.
        stack.push({ ch: '[', line: lineNo, column: c, indent });
      } else if (ch === ']' || ch === ')' || ch === '}') {
        const top = stack.at(-1);
        if (top && CLOSER[top.ch] === ch) stack.pop();
        else if (!top && ch === '}' && blocks.length) {
          // A '}' closes the block whose opener is indented like it, else the innermost one.
          const b = blocks.findLastIndex((x) => x.indent === c);
          blocks.splice(b >= 0 ? b : blocks.length - 1, 1);
        } else if (top && stack.some((x) => CLOSER[x.ch] === ch)) {
          // A closer for an outer bracket: the inner ones were left open.
          while (stack.length && CLOSER[(stack.at(-1) as Open).ch] !== ch) unclosed(stack.pop() as Open);
          stack.pop();
        } else out.push({ kind: 'stray', char: ch, closer: ch, line: lineNo, column: c });
      }
    }
    if (markdown) return;
    // A quote left open runs on to the next line only where that line closes it (a label over two lines).
    if (quote && !(carry && closedBelow(i))) {
      unclosed({ ch: '"', ...quote });
      quote = undefined;
    }
    if (carry) return;
    // A '{' left open at the end of its line opens a block; anything else left open is unclosed.
    const trailing = stack.at(-1);
    if (trailing?.ch === '{' && !quote && !text.slice(trailing.column + 1).trim()) blocks.push(stack.pop() as Open);
    for (const o of stack) unclosed(o);
  });
  if (quote) unclosed({ ch: '"', ...quote });
  for (const o of [...stack, ...blocks]) unclosed(o);
  return out.sort((a, b) => a.line - b.line || b.column - a.column);
}
