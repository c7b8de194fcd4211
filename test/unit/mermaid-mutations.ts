// Runs in Node under node:test: real diagrams from the shared corpora, each with one closing bracket, closing quote
// or arrow removed — the mistakes people make while typing — for the error-translator tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { diagramHeader, familyOf } from '../../src/core/mermaid-source.js';

export const MERMAID_DOCS = join(import.meta.dirname, '../../../shared/corpora/mermaid-docs');
export const REAL_DOCS = join(import.meta.dirname, '../../../shared/corpora/real-docs/mermaid');

/** One ```mermaid block of a corpus file. */
export interface CorpusBlock {
  where: string;
  source: string;
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : n.endsWith('.md') ? [p] : [];
    });
}

/** Every ```mermaid block (fences may be indented, as in lists) of the Markdown files under `dir`. */
export function corpusBlocks(dir: string): CorpusBlock[] {
  const out: CorpusBlock[] = [];
  for (const file of files(dir)) {
    const lines = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const open = /^(\s*)(`{3,}|~{3,})\s*mermaid\s*$/.exec(lines[i] ?? '');
      if (!open) continue;
      const indent = open[1]?.length ?? 0;
      const fence = open[2] ?? '```';
      const body: string[] = [];
      let j = i + 1;
      for (; j < lines.length && !new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(lines[j] ?? ''); j++) body.push((lines[j] ?? '').slice(Math.min(indent, /^\s*/.exec(lines[j] ?? '')?.[0].length ?? 0)));
      out.push({ where: `${file.slice(dir.length + 1)}:${i + 1}`, source: body.join('\n') });
      i = j;
    }
  }
  return out;
}

/** A diagram with one thing removed, and the lines (0-based, in the diagram) where a good message may point. */
export interface Mutation {
  kind: 'bracket' | 'quote' | 'arrow';
  where: string;
  source: string;
  removed: string;
  /** The line of the edit, and the line where the construct opened. */
  lines: number[];
}

const ARROW: Record<string, RegExp> = {
  flowchart: /<?(?:-{2,}|={2,}|-\.+-)[>ox]?(?:\|[^|]*\|)?|~~~/g,
  sequence: /(?:<<)?-{1,2}(?:>>|>|x|\))[+-]?/g,
  class: /(?:<\||\*|o)?(?:--|\.\.)(?:\|>|>|\*|o)?/g,
  state: /-->/g,
  er: /[|}][|o](?:--|\.\.)[|o][|{]/g,
  block: /-{2,}>?/g,
  architecture: /<?-{1,2}>?/g,
  requirement: /<?-\s*\w+\s*->?/g,
};

/** Up to `per` of each kind per block (first, last and between), so the run stays quick. */
function sample<T>(xs: T[], per: number): T[] {
  if (xs.length <= per) return xs;
  const out: T[] = [];
  for (let k = 0; k < per; k++) out.push(xs[Math.round((k * (xs.length - 1)) / (per - 1))] as T);
  return [...new Set(out)];
}

function lineAt(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset; i++) if (text[i] === '\n') n++;
  return n;
}

/** Where the bracket closed at `offset` opened: the matching opener found by scanning back (quotes skipped). */
function openerOf(text: string, offset: number): number {
  const close = text[offset] as string;
  const open = ({ ']': '[', ')': '(', '}': '{' } as Record<string, string>)[close] ?? '';
  let depth = 0;
  for (let i = offset - 1; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return offset;
}

/** The mutations of one diagram: closing brackets, closing quotes and arrows, each removed once. */
export function mutations(block: CorpusBlock, per = 3): Mutation[] {
  const text = block.source;
  const out: Mutation[] = [];
  const remove = (kind: Mutation['kind'], start: number, length: number, opened: number): void => {
    out.push({ kind, where: block.where, source: text.slice(0, start) + text.slice(start + length), removed: text.slice(start, start + length), lines: [...new Set([lineAt(text, start), lineAt(text, opened)])] });
  };
  // The diagram's own frontmatter and directives are configuration, not diagram syntax.
  const bodyStart = (/^\s*---\n[\s\S]*?\n---\s*\n/.exec(text)?.[0].length ?? 0);
  const inBody = (i: number): boolean => i >= bodyStart && !/%%/.test(text.slice(text.lastIndexOf('\n', i) + 1, i));
  const closers = [...text.matchAll(/[\])}]/g)].map((m) => m.index).filter(inBody);
  for (const i of sample(closers, per)) remove('bracket', i, 1, openerOf(text, i));
  const quotes: Array<{ close: number; open: number }> = [];
  text.split('\n').reduce((offset, line) => {
    const qs = [...line.matchAll(/"/g)].map((m) => offset + m.index);
    for (let k = 1; k < qs.length; k += 2) quotes.push({ open: qs[k - 1] as number, close: qs[k] as number });
    return offset + line.length + 1;
  }, 0);
  for (const q of sample(quotes.filter((q) => inBody(q.close)), per)) remove('quote', q.close, 1, q.open);
  const family = familyOf(diagramHeader(text)?.word);
  const re = ARROW[family];
  if (re) {
    const arrows = [...text.matchAll(new RegExp(re.source, 'g'))].filter((m) => inBody(m.index) && !/^\s*$/.test(m[0]));
    for (const m of sample(arrows, per)) remove('arrow', m.index, m[0].length, m.index);
  }
  return out;
}

/** True when a message speaks in words: no grammar token names ('SQE', NODE_STRING), no raw parser phrasing. */
export function inWords(message: string): boolean {
  // What the author wrote is quoted in backticks; only the rest is mermaid's or ours.
  return !/'[A-Za-z_]+'|\b[A-Z]+_[A-Z_]+\b|\bSQE\b|\bPE\b|\bEOF\b|Expecting|Parse error|Lexer error|got '|->.<-/.test(message.replace(/`[^`]*`/g, '``'));
}
