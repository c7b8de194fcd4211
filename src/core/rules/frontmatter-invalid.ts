import * as l10n from '@vscode/l10n';
import type { Rule } from '../rule.js';

export const frontmatterInvalid: Rule = {
  id: 'frontmatter-invalid',
  description: 'The YAML frontmatter parses and is a mapping of fields.',
  severity: 'error',
  check(ctx) {
    const error = ctx.parsed.frontmatter?.error;
    if (!error) return;
    ctx.report({ range: error.range, message: l10n.t('Frontmatter is not valid YAML: {0}; expected fields such as "title: My system".', error.message) });
  },
};
