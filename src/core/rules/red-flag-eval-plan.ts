import * as l10n from '@vscode/l10n';
import { anchorFor, judgeable } from '../review/context.js';
import { readSnapshot } from '../review/reader.js';
import { mentionText, type Mention } from '../review/concepts.js';
import { EVALUATION_ANYWHERE, EVALUATION_IN_SECTION, PAST_TRIAL, QUALITY_METRIC, VAGUE } from '../review/vocabulary.js';
import type { Rule } from '../rule.js';

const EVALUATION_SECTIONS = new Set(['evaluation', 'monitoring']);
/** Sections whose measurements are past experiments, context or wishes rather than the plan. */
const NOT_A_PLAN = new Set(['problem', 'trade-offs', 'open-questions']);
/** Sections where a quality metric named is a measurement. */
const MEASURING = new Set(['evaluation', 'monitoring', 'failure-modes', 'evolution']);
/** A bar or a measured value beside a metric: "≥ 0.9", "> 2 %", "at least 90%". */
const BAR = /[<>≥≤]|\b(?:at least|at most|above|below|under|over|must|target|bar)\b|\d\s*%|\b0?\.\d+\b/;

/** Words that watch a metric: an alert, a dashboard, a gate. */
const WATCHED = /\b(?:alert\w*|alarm\w*|pag(?:e|es|ed|ing)|detect\w*|monitor\w*|track\w*|measur\w*|dashboard\w*|gate[sd]?|threshold\w*|checked|checks?)\b/;
/** A sentence about making labels: who labels, how they agree. */
const LABELLING = /\blabel\w*|\bagree\w*|\bannotation guidelines?\b/;
/** A sentence where people judge the system's answers. */
const GRADING = /\b(?:grade[sd]?|grading|judge[sd]?|judging|evaluat\w*|assess\w*|answers?|outputs?|responses?|predictions?)\b/;

/** A trial already run and told outside the evaluation or monitoring section: evidence it was checked once, not a plan. */
function pastTrial(m: Mention): boolean {
  if (m.section && EVALUATION_SECTIONS.has(m.section)) return false;
  // The sentence up to the mention's clause, from its last ";": "We compared three models …; every change ships only if
  // recall@5 stays ≥ 0.88" holds a plan after the trial.
  const s = m.clause.sentence;
  const upTo = s.lower.slice(0, m.clause.end - s.start);
  return PAST_TRIAL.test(upTo.slice(upTo.lastIndexOf(';', m.clause.start - s.start) + 1));
}

export const redFlagEvalPlan: Rule = {
  id: 'red-flag-eval-plan',
  description: 'The snapshot says how output quality, regressions and safety are measured over time: an evaluation set, quality metrics, an online test or quality monitoring.',
  severity: 'review',
  check(ctx) {
    const { parsed } = ctx;
    if (!judgeable(ctx)) return;
    const reading = readSnapshot(parsed);
    // Past experiments ("similar offline metrics" in the trade-offs) and wishes in the open questions are not a plan.
    if (EVALUATION_ANYWHERE.mentions(reading).some((m) => m.polarity === 'affirmed' && !(m.section && NOT_A_PLAN.has(m.section)) && !VAGUE.test(m.clause.sentence.lower) && !pastTrial(m))) return;
    const measured = QUALITY_METRIC.mentions(reading).some((m) => {
      // A target in the requirements says what good is, not how it will be measured; one in the estimates is an
      // assumption they compute with ("expected usage at 25 % deflection").
      // A metric in the cost section prices an assumption ("3 annotators × $0.012 a clip"), like one in the estimates.
      if (m.polarity !== 'affirmed' || m.section === 'requirements' || m.section === 'estimates' || m.section === 'cost' || (m.section && NOT_A_PLAN.has(m.section))) return false;
      // Outside the sections that measure, a metric word is a measurement only with a bar beside it ("precision ≥ 0.9"):
      // "high-accuracy OCR" or a CTR feature is not one.
      if (!(m.section && MEASURING.has(m.section)) && !BAR.test(m.clause.lower)) return false;
      // A risk that names the metric it hurts ("int8 export loses accuracy compared with the float model") says what
      // goes wrong, not how it is noticed: among the failures a metric needs a bar or a watch beside it.
      if ((m.section === 'failure-modes' || m.section === 'evolution') && !BAR.test(m.clause.lower) && !WATCHED.test(m.clause.sentence.lower)) return false;
      const word = mentionText(m);
      // Annotators who label the training data ("kept only if ≥ 2 of 3 annotators agree") make data, not a measure of the answers.
      if (/^annotator/.test(word) && LABELLING.test(m.clause.sentence.lower) && !GRADING.test(m.clause.sentence.lower)) return false;
      // "the high-accuracy OCR": the word describes a component.
      if (/\b(?:high|higher|highest|low|lower|best|max|full)[- ]$/.test(m.clause.lower.slice(0, m.start - m.clause.start))) return false;
      // "exact-match cache … 15% hit rate": a cache's figures, not the answers' quality.
      if (/\bcach/.test(m.clause.sentence.lower) && /^(?:hit rate|exact[- ]?match)$/.test(word)) return false;
      // "Expect a 20–25 % hit rate." under cost is the cache's too: a hit rate measures answers only as retrieval's hit rate@k.
      if (word === 'hit rate' && !(m.section && EVALUATION_SECTIONS.has(m.section)) && !/\bretriev|@\s?\d|\btop[- ]?\d/.test(m.clause.sentence.lower)) return false;
      return !VAGUE.test(m.clause.sentence.lower) && !pastTrial(m);
    });
    if (measured) return;
    if (EVALUATION_IN_SECTION.mentions(reading).some((m) => m.polarity === 'affirmed' && m.section && EVALUATION_SECTIONS.has(m.section) && !VAGUE.test(m.clause.sentence.lower))) return;
    const at = anchorFor(parsed, ['evaluation', 'monitoring']);
    ctx.report({
      ...at,
      message: l10n.t(
        'No plan for measuring output quality over time: no evaluation or golden set, no quality metric with a bar to ship, no online test or quality monitoring ("we will test it" is not a plan); reviewers read this as a design not ready for production, because regressions from a new model, prompt or data then reach users unnoticed; expected an offline set with metrics and a ship bar (e.g. 500 golden questions, groundedness ≥ 0.9) and an online check (A/B or canary with a quality metric, dashboards and alerts).',
      ),
    });
  },
};
