import type { Rule } from '../rule.js';
import { judgedSections } from './section-content.js';

export const sectionEmpty: Rule = {
  id: 'section-empty',
  description: 'A section has content under its heading, not only the heading or template guidance.',
  severity: 'stage',
  check(ctx) {
    const judged = judgedSections(ctx);
    for (const h of ctx.parsed.headings) {
      if (!h.id || h.duplicateOf || h.partOf || !h.empty || !(ctx.declared || h.native) || !judged.has(h.id)) continue;
      const spec = ctx.schema.catalog.get(h.id);
      ctx.report({
        range: h.range,
        section: h.id,
        message: `Section "${h.text}" is empty; expected ${spec?.description ? lowerFirst(spec.description) : 'content under the heading'}`,
      });
    }
  },
};

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
