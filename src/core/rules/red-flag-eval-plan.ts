import { anchorFor, judgeable } from '../review/context.js';
import { readSnapshot } from '../review/reader.js';
import { EVALUATION_ANYWHERE, EVALUATION_IN_SECTION, QUALITY_METRIC, VAGUE } from '../review/vocabulary.js';
import type { Rule } from '../rule.js';

const EVALUATION_SECTIONS = new Set(['evaluation', 'monitoring']);

export const redFlagEvalPlan: Rule = {
  id: 'red-flag-eval-plan',
  description: 'The snapshot says how output quality, regressions and safety are measured over time: an evaluation set, quality metrics, an online test or quality monitoring.',
  severity: 'review',
  check(ctx) {
    const { parsed } = ctx;
    if (!judgeable(ctx)) return;
    const reading = readSnapshot(parsed);
    if (EVALUATION_ANYWHERE.mentions(reading).some((m) => m.polarity === 'affirmed')) return;
    const measured = QUALITY_METRIC.mentions(reading).some((m) => {
      // A target in the requirements says what good is, not how it will be measured.
      if (m.polarity !== 'affirmed' || m.section === 'requirements' || m.section === 'problem') return false;
      return !VAGUE.test(m.clause.sentence.lower);
    });
    if (measured) return;
    if (EVALUATION_IN_SECTION.mentions(reading).some((m) => m.polarity === 'affirmed' && m.section && EVALUATION_SECTIONS.has(m.section))) return;
    const at = anchorFor(parsed, ['evaluation', 'monitoring']);
    ctx.report({
      ...at,
      message:
        `No plan for measuring output quality over time: no evaluation or golden set, no quality metric with a bar to ship, no online test or quality monitoring ("we will test it" is not a plan); ` +
        'reviewers read this as a design not ready for production, because regressions from a new model, prompt or data then reach users unnoticed; ' +
        'expected an offline set with metrics and a ship bar (e.g. 500 golden questions, groundedness ≥ 0.9) and an online check (A/B or canary with a quality metric, dashboards and alerts).',
    });
  },
};
