import * as l10n from '@vscode/l10n';
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
      const spec = ctx.catalog.get(h.id);
      ctx.report({
        range: h.range,
        section: h.id,
        // The section's description is the schema's (data): only the sentence around it is translated.
        message: spec?.description
          ? l10n.t('Section "{0}" is empty; expected {1}', h.text, lowerFirst(spec.description))
          : l10n.t('Section "{0}" is empty; expected content under the heading', h.text),
      });
    }
  },
};

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
