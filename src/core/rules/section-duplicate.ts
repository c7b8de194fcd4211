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
        message: `Section "${h.text}" repeats "${first.text}" (line ${first.range.start.line + 1}); expected each section once, so merge the two.`,
      });
    }
  },
};
