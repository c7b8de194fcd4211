import * as l10n from '@vscode/l10n';
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
              ? l10n.t('The document has no title; expected a "# Title" heading, or a "title:" field in the frontmatter.')
              : // `why` is the schema's x-message (data, as the schema writes it); the sentence around it is translated.
                why
                ? l10n.t('Frontmatter has no "{0}" field; {1}.', missing, why)
                : l10n.t('Frontmatter has no "{0}" field; expected the field to be set.', missing),
        });
        continue;
      }
      const range = (field ? parsed.frontmatter?.fields.get(field) : undefined) ?? parsed.frontmatter?.range ?? documentAnchor(parsed);
      const value = field ? JSON.stringify(parsed.model.frontmatter[field]) : '';
      ctx.report({
        range,
        // The field, its value, ajv's own words and the schema's x-message are data; the sentence around them is ours.
        message: why
          ? l10n.t('Frontmatter field "{0}" is {1} ({2}); {3}.', field ?? '', value ?? l10n.t('invalid'), e.message ?? l10n.t('invalid'), why)
          : l10n.t('Frontmatter field "{0}" is {1} ({2}); expected it to match the schema.', field ?? '', value ?? l10n.t('invalid'), e.message ?? l10n.t('invalid')),
      });
    }
  },
};
