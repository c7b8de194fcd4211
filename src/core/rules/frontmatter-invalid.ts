import type { Rule } from '../rule.js';

export const frontmatterInvalid: Rule = {
  id: 'frontmatter-invalid',
  description: 'The YAML frontmatter parses and is a mapping of fields.',
  severity: 'error',
  check(ctx) {
    const error = ctx.parsed.frontmatter?.error;
    if (!error) return;
    ctx.report({ range: error.range, message: `Frontmatter is not valid YAML: ${error.message}; expected fields such as "title: My system".` });
  },
};
