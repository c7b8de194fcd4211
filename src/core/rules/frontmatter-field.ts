import type { Rule } from '../rule.js';
import { documentAnchor, pointerSegments, schemaMessage } from '../schema-errors.js';

export const frontmatterField: Rule = {
  id: 'frontmatter-field',
  description: 'The frontmatter has the fields the schema requires (title, status…), each of the right type.',
  severity: 'stage',
  check(ctx) {
    const { parsed } = ctx;
    // A broken YAML block is frontmatter-invalid's finding; its fields cannot be judged. A document without
    // frontmatter (one linted by path, an RFC, an ADR) needs none: its title is its first heading, its status draft.
    if (parsed.frontmatter?.error || !parsed.frontmatter) return;
    for (const e of ctx.errors) {
      if (!e.instancePath.startsWith('/frontmatter')) continue;
      const [, field] = pointerSegments(e.instancePath);
      const why = schemaMessage(e);
      if (e.keyword === 'required' && !field) {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        ctx.report({
          range: parsed.frontmatter?.range ?? documentAnchor(parsed),
          message:
            missing === 'title'
              ? 'The document has no title; expected a "# Title" heading, or a "title:" field in the frontmatter.'
              : `Frontmatter has no "${missing}" field; ${why ?? 'expected the field to be set'}.`,
        });
        continue;
      }
      const range = (field ? parsed.frontmatter?.fields.get(field) : undefined) ?? parsed.frontmatter?.range ?? documentAnchor(parsed);
      const value = field ? JSON.stringify(parsed.model.frontmatter[field]) : '';
      ctx.report({
        range,
        message: `Frontmatter field "${field ?? ''}" is ${value ?? 'invalid'} (${e.message ?? 'invalid'}); ${why ?? 'expected it to match the schema'}.`,
      });
    }
  },
};
