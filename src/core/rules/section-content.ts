import type { Rule } from '../rule.js';
import { documentAnchor, locate, pointerSegments, schemaMessage } from '../schema-errors.js';

export const sectionContent: Rule = {
  id: 'section-content',
  description: 'A section holds what the schema asks of it (numbers with units, a diagram, enough failure modes…).',
  severity: 'stage',
  check(ctx) {
    const { parsed } = ctx;
    const empty = new Set(parsed.headings.filter((h) => h.empty && h.id && !h.duplicateOf).map((h) => h.id));
    // What a section must hold is asked of a section a heading names outright ("Requirements", "Test plan"). One
    // recognised only by part of a heading or its last word ("Metrics (Prometheus)" aside, "Validation webhook")
    // may be something else, so in a document that does not declare itself a snapshot its content is not judged.
    const named = new Set(parsed.headings.filter((h) => h.id && h.how === 'name' && !h.duplicateOf).map((h) => h.id));
    for (const e of ctx.errors) {
      if (e.keyword === 'if' || e.instancePath.startsWith('/frontmatter')) continue;
      if (e.keyword === 'required' && e.instancePath === '/sections') continue;
      const [root, id] = pointerSegments(e.instancePath);
      if (root === 'sections' && id && (empty.has(id) || (!ctx.declared && !named.has(id)))) continue;
      const section = root === 'sections' && id ? parsed.model.sections[id] : undefined;
      const why = schemaMessage(e) ?? `${e.instancePath || 'the document'} ${e.message ?? 'does not match the schema'}; expected it to match the schema`;
      ctx.report({
        range: locate(parsed, e.instancePath) ?? documentAnchor(parsed),
        ...(section && id ? { section: id } : {}),
        message: section ? `Section "${section.heading}" ${why}.` : `The snapshot ${why}.`,
      });
    }
  },
};
