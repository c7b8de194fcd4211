import * as l10n from '@vscode/l10n';
import type { Rule, RuleContext } from '../rule.js';

/**
 * The sections whose content is judged against the snapshot standard: all of them in a document that declares
 * itself a snapshot; otherwise those written under the section's own name ("Failure modes", not a KEP's "Risks
 * and Mitigations" or an RFC's "Drawbacks"). A design doc of another convention is asked to cover each section,
 * not to fill it the way a snapshot does.
 */
export function judgedSections(ctx: RuleContext): Set<string> {
  const ids = ctx.parsed.headings.filter((h) => h.id && !h.duplicateOf && (ctx.declared || h.native)).map((h) => h.id as string);
  return new Set(ids);
}
import { documentAnchor, locate, pointerSegments, schemaMessage } from '../schema-errors.js';

export const sectionContent: Rule = {
  id: 'section-content',
  description: 'A section holds what the schema asks of it (numbers with units, a diagram, enough failure modes…).',
  severity: 'stage',
  check(ctx) {
    const { parsed } = ctx;
    const empty = new Set(parsed.headings.filter((h) => h.empty && h.id && !h.duplicateOf).map((h) => h.id));
    const judged = judgedSections(ctx);
    for (const e of ctx.errors) {
      if (e.keyword === 'if' || e.instancePath.startsWith('/frontmatter')) continue;
      if (e.keyword === 'required' && e.instancePath === '/sections') continue;
      const [root, id] = pointerSegments(e.instancePath);
      if (root === 'sections' && id && (empty.has(id) || !judged.has(id))) continue;
      const section = root === 'sections' && id ? parsed.model.sections[id] : undefined;
      // The schema's x-message and ajv's own words are data, as the schema and ajv write them; the sentence around them is ours.
      const why = schemaMessage(e) ?? l10n.t('{0} {1}; expected it to match the schema', e.instancePath || l10n.t('the document'), e.message ?? l10n.t('does not match the schema'));
      ctx.report({
        range: locate(parsed, e.instancePath) ?? documentAnchor(parsed),
        ...(section && id ? { section: id } : {}),
        message: section ? l10n.t('Section "{0}" {1}.', section.heading, why) : l10n.t('The snapshot {0}.', why),
      });
    }
  },
};
