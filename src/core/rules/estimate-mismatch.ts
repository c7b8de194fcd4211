import * as l10n from '@vscode/l10n';
import { formatLike } from '../estimates/format.js';
import { unitWord } from '../estimates/inline.js';
import type { Rule } from '../rule.js';

export const estimateMismatch: Rule = {
  id: 'estimate-mismatch',
  description: 'A calculation written inline (1M users × 10 req/day ÷ 86,400 s ≈ 115 QPS) gives the result it states, within the tolerance.',
  severity: 'stage',
  check(ctx) {
    const { parsed, options } = ctx;
    for (const { check, lineStart, lineText } of parsed.inlineEstimates) {
      if (check.holds) continue;
      const { stated } = check;
      const from = lineStart + stated.start;
      const to = lineStart + stated.end;
      const expr = lineText.slice(check.exprStart, check.exprEnd).replace(/\s+/g, ' ').trim();
      const percent = Math.round(options.tolerance * 100);
      if (!check.replacement) {
        // A step of a chain written as arithmetic ("= 64.65 / 1.05"): no single number to correct.
        const step = lineText.slice(stated.from, stated.to).replace(/\s+/g, ' ').trim();
        ctx.report({
          range: parsed.lines.range(lineStart + stated.from, lineStart + stated.to),
          // The step, the expression and the numbers are the author's text (data); only the sentence around them is translated.
          message: l10n.t('Estimate states {0}, which gives {1}, but {2} gives a different value; expected the stated result within {3} % of the arithmetic.', step, formatLike(check.computed, '1.23'), expr, percent),
        });
        continue;
      }
      // The stated quantity as written, with the computed number in place of the author's.
      const written = lineText.slice(stated.from, stated.to);
      const gives = written.slice(0, stated.start - stated.from) + check.replacement + written.slice(stated.end - stated.from);
      ctx.report({
        range: parsed.lines.range(from, to),
        message: l10n.t('Estimate states {0}, but {1} gives {2}; expected the stated result within {3} % of the arithmetic.', `${written}${unitWord(lineText, stated.to)}`, expr, `${gives}${unitWord(lineText, stated.to)}`, percent),
        fix: { title: l10n.t('Replace {0} with {1}', stated.raw, check.replacement), edits: [{ range: parsed.lines.range(from, to), newText: check.replacement }] },
      });
    }
    // A named note in an estimate block whose arithmetic uses names above it ("peak = avg * 3 ≈ 900 req/s").
    for (const block of ctx.estimateBlocks()) {
      for (const l of block.lines) {
        const s = l.stated;
        if (!s || Math.abs(s.computed - s.value) <= Math.abs(s.value) * options.tolerance) continue;
        const lineStart = parsed.lines.lineStart(block.contentLine + l.line);
        // The stated quantity as written, with the computed number in place of the author's ("≈ 900 req/s" → "694 req/s").
        const number = /[\d][\d.,]*(?:\s?[kKMBT](?![\p{L}]))?/u.exec(s.text)?.[0] ?? '';
        const gives = number ? s.text.replace(number, formatLike(s.computed, number)) : formatLike(s.computed, '1.23');
        ctx.report({
          range: parsed.lines.range(lineStart + s.start, lineStart + s.end),
          // The arithmetic and the quantities are the author's text (data); only the sentence around them is translated.
          message: l10n.t('Estimate states {0}, but {1} gives {2}; expected the stated result within {3} % of the arithmetic.', s.text, s.arithmetic, gives, Math.round(options.tolerance * 100)),
        });
      }
    }
  },
};
