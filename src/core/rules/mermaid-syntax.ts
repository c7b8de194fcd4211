import type { DiagramBlock } from '../diagrams.js';
import { frontmatterLines, type MermaidError } from '../mermaid.js';
import type { Rule, RuleContext } from '../rule.js';

function report(ctx: RuleContext, d: DiagramBlock, verdict: MermaidError | null): void {
  if (!verdict) return;
  const lastLine = Math.max(d.contentLine, d.endLine - 1);
  const inDiagram = verdict.line ? verdict.line + frontmatterLines(d.source) : 1;
  const line = Math.min(Math.max(d.contentLine + inDiagram - 1, d.contentLine), lastLine);
  const summary = verdict.message.split('\n').find((l) => l.trim())?.trim() ?? 'invalid diagram';
  const detail = verdict.message.split('\n').filter((l) => /^Expecting|^Expected|got /.test(l.trim()))[0]?.trim();
  ctx.report({
    range: ctx.parsed.lines.lineRange(line, ctx.parsed.text),
    message: `Mermaid cannot parse this diagram: ${summary}${detail ? ` (${detail})` : ''}; expected valid Mermaid syntax.`,
  });
}

export const mermaidSyntax: Rule = {
  id: 'mermaid-syntax',
  description: 'Every ```mermaid block parses with the pinned Mermaid version; errors are placed on the diagram line at fault.',
  severity: 'stage',
  check(ctx) {
    const mermaid = ctx.mermaid;
    if (!mermaid) return;
    const waiting: Array<Promise<void>> = [];
    for (const d of ctx.diagrams()) {
      // Diagrams checked before are reported now; only new ones wait for the parser.
      const known = mermaid.cached(d.source);
      if (known !== undefined) report(ctx, d, known);
      else waiting.push(mermaid.check(d.source).then((v) => report(ctx, d, v)));
    }
    return waiting.length ? Promise.all(waiting).then(() => undefined) : undefined;
  },
};
