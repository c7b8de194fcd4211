import * as l10n from '@vscode/l10n';
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
      // The line's name is the author's; an error from mathjs (not the engine's own refusals) is its English text.
      const { message: why, expected } = l.error;
      const message =
        kind === 'unit'
          ? l.name
            ? l10n.t('"{0}" combines incompatible units ({1}); expected quantities of one kind to add, or a conversion with "to".', l.name, why)
            : l10n.t('This line combines incompatible units ({0}); expected quantities of one kind to add, or a conversion with "to".', why)
          : expected
            ? l.name
              ? l10n.t('"{0}" is not evaluated: {1}; expected {2}.', l.name, why, expected)
              : l10n.t('This line is not evaluated: {0}; expected {1}.', why, expected)
            : l.name
              ? l10n.t('"{0}" cannot be read ({1}); expected "name = expression" using numbers, units and names defined above.', l.name, why)
              : l10n.t('This line cannot be read ({0}); expected "name = expression" using numbers, units and names defined above.', why);
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
