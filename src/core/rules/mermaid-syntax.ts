import * as l10n from '@vscode/l10n';
import type { DiagramBlock } from '../diagrams.js';
import type { TextEdit } from '../finding.js';
import type { MermaidError } from '../mermaid.js';
import { explainMermaidError, type ExplainedError } from '../mermaid-errors.js';
import type { Rule, RuleContext } from '../rule.js';
import { languageMark } from '../wording.js';

/** Diagrams larger than this are not parsed (real architecture diagrams are a few KB). */
export const MAX_DIAGRAM_CHARS = 64 * 1024;

/** Explanations by verdict: a verdict belongs to one diagram text, so it is explained once (per language: they are words). */
const explained = new WeakMap<MermaidError, { language: number; x: ExplainedError }>();

function report(ctx: RuleContext, d: DiagramBlock, verdict: MermaidError | null): void {
  if (!verdict) return;
  const now = languageMark();
  let x = explained.get(verdict)?.language === now ? explained.get(verdict)?.x : undefined;
  if (!x) {
    x = explainMermaidError(verdict, d.source);
    explained.set(verdict, { language: now, x });
  }
  const { lines, text } = ctx.parsed;
  const lastLine = Math.max(d.contentLine, d.endLine - 1);
  const toDoc = (line: number): number => Math.min(Math.max(d.contentLine + line, d.contentLine), lastLine);
  // Inside a list or a blockquote the block's lines carry a prefix the diagram text does not: shift columns by it.
  const sourceLines = d.source.split(/\r?\n/);
  const shiftOf = (line: number): number => {
    const range = lines.lineRange(toDoc(line), text);
    const docLine = text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
    const src = sourceLines[line] ?? '';
    return docLine.endsWith(src) ? docLine.length - src.length : 0;
  };
  const line = toDoc(x.line);
  const range = lines.lineRange(line, text);
  const start = Math.min(range.end.character, x.column + shiftOf(x.line));
  const edits: TextEdit[] | undefined = x.fix?.edits.map((e) => ({
    range: {
      start: { line: toDoc(e.line), character: e.character + shiftOf(e.line) },
      end: { line: toDoc(e.endLine), character: e.endCharacter + shiftOf(e.endLine) },
    },
    newText: e.newText.replace(/\n(?=.)/g, `\n${' '.repeat(shiftOf(e.line))}`),
  }));
  ctx.report({
    range: { start: { line, character: start }, end: range.end },
    message: x.message,
    detail: l10n.t("Mermaid's own message: {0}", x.original),
    ...(x.unchecked ? { unchecked: true } : {}),
    ...(x.fix && edits ? { fix: { title: x.fix.title, edits } } : {}),
  });
}

export const mermaidSyntax: Rule = {
  id: 'mermaid-syntax',
  description: 'Every ```mermaid block parses with the pinned Mermaid version; errors are explained in words on the diagram line where the fix goes.',
  severity: 'stage',
  check(ctx) {
    const mermaid = ctx.mermaid;
    if (!mermaid) return;
    const waiting: Array<Promise<void>> = [];
    for (const d of ctx.diagrams()) {
      if (d.source.length > MAX_DIAGRAM_CHARS) {
        // Mermaid's own preprocessing is quadratic on some large inputs, and so would be explaining its error.
        ctx.report({ range: ctx.parsed.lines.lineRange(d.contentLine, ctx.parsed.text), message: l10n.t('This diagram was not checked: it is {0} KB, more than the {1} KB checked; expected a diagram a reader can take in (split a very large one).', Math.round(d.source.length / 1024), MAX_DIAGRAM_CHARS / 1024), unchecked: true });
        continue;
      }
      // Diagrams checked before are reported now; only new ones wait for the parser.
      const known = mermaid.cached(d.source);
      if (known !== undefined) report(ctx, d, known);
      else waiting.push(mermaid.check(d.source).then((v) => report(ctx, d, v)));
    }
    return waiting.length ? Promise.all(waiting).then(() => undefined) : undefined;
  },
};
