import * as l10n from '@vscode/l10n';
import type { Nodes } from 'mdast';
import { countWords } from '../model.js';
import type { Rule } from '../rule.js';
import { walk } from '../tree.js';

export const lengthBudget: Rule = {
  id: 'length-budget',
  description: 'The prose fits a one-to-two-page snapshot (default 1,500 words; code and diagrams not counted).',
  severity: 'info',
  check(ctx) {
    const { parsed, options } = ctx;
    // The budget is a snapshot's: one to two pages. An RFC, ADR or KEP linted by path is another kind of document,
    // held to it only when the team chose a budget in its config or settings.
    if (!ctx.declared && !ctx.lengthBudgetChosen) return;
    const budget = options.lengthBudget;
    let words = 0;
    let crossedAt: Nodes | undefined;
    let lastHeading: Nodes | undefined;
    walk(parsed.tree, (n) => {
      if (n.type === 'code' || n.type === 'html' || n.type === 'yaml') return false;
      if (n.type === 'text' || n.type === 'inlineCode') {
        words += countWords(n.value);
        if (!crossedAt && words > budget) crossedAt = lastHeading ?? n;
        return false;
      }
      if (n.type === 'heading' && n.depth <= 2) lastHeading = n;
      return true;
    });
    if (words <= budget || !crossedAt) return;
    const at = crossedAt;
    const start = (at.position?.start.offset ?? 0) + parsed.shift;
    const line = parsed.lines.positionAt(start).line;
    ctx.report({
      range: parsed.lines.lineRange(line, parsed.text),
      message: l10n.t('Prose is {0} words and passes the budget here; expected at most {1} (code and diagrams are not counted).', words.toLocaleString('en-US'), budget.toLocaleString('en-US')),
    });
  },
};
