import * as l10n from '@vscode/l10n';
import type { Rule } from '../rule.js';

export const sectionDuplicate: Rule = {
  id: 'section-duplicate',
  description: 'Each canonical section appears once.',
  severity: 'warning',
  check(ctx) {
    for (const h of ctx.parsed.headings) {
      if (!h.duplicateOf) continue;
      const first = h.duplicateOf;
      ctx.report({
        range: h.range,
        section: h.id,
        message: l10n.t('Section "{0}" repeats "{1}" (line {2}); expected each section once, so merge the two.', h.text, first.text, first.range.start.line + 1),
      });
    }
  },
};
