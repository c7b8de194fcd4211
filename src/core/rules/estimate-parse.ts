import type { EstimateBlock } from '../estimates/scan.js';
import type { Rule, RuleContext } from '../rule.js';

/** Reports the block lines that failed with errors of one kind; lines that only depend on a failed one stay quiet. */
export function reportBlockErrors(ctx: RuleContext, blocks: readonly EstimateBlock[], kind: 'unit' | 'parse'): void {
  const { lines, text } = ctx.parsed;
  for (const block of blocks) {
    for (const l of block.lines) {
      if (l.error?.kind !== kind) continue;
      const docLine = block.contentLine + l.line;
      const lineStart = lines.lineStart(docLine);
      const lineEnd = lines.lineEnd(docLine, text);
      const range = lines.range(Math.min(lineStart + l.start, lineEnd), Math.min(lineStart + l.end, lineEnd));
      const what = l.name ? `"${l.name}"` : 'This line';
      const message =
        kind === 'unit'
          ? `${what} combines incompatible units (${l.error.message}); expected quantities of one kind to add, or a conversion with "to".`
          : l.error.expected
            ? `${what} is not evaluated: ${l.error.message}; expected ${l.error.expected}.`
            : `${what} cannot be read (${l.error.message}); expected "name = expression" using numbers, units and names defined above.`;
      ctx.report({ range, message });
    }
  }
}

/** A rule that reports the estimate-block lines failing with errors of one kind. */
export function blockErrorRule(id: string, description: string, kind: 'unit' | 'parse'): Rule {
  return {
    id,
    description,
    severity: 'stage',
    check(ctx) {
      if (!ctx.options.estimates) return;
      reportBlockErrors(ctx, ctx.estimateBlocks(), kind);
    },
  };
}

export const estimateParse = blockErrorRule(
  'estimate-parse',
  'Each line of an ```estimate block reads as "name = expression" over names defined above it.',
  'parse',
);
