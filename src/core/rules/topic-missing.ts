import * as l10n from '@vscode/l10n';
import { anchorFor, patternOf, substantive, tooLong } from '../review/context.js';
import { GENERATIVE, ML_SYSTEM } from '../review/vocabulary.js';
import { WE_DO_NOT, type Mention } from '../review/concepts.js';
import type { Reading } from '../review/reader.js';
import { readSnapshot } from '../review/reader.js';
import { topicCondition, topicConcept, topicExclusion, type Topic } from '../review/topics.js';
import type { Rule } from '../rule.js';

/** Where a topic's finding goes when its own section is absent. */
const FALLBACK = ['data-model', 'architecture'];

/** The topics that apply to a pattern, after the config's switches. */
export function topicsFor(topics: readonly Topic[], pattern: string, switches: Readonly<Record<string, 'on' | 'off'>>): Topic[] {
  return topics.filter((t) => switches[t.id] !== 'off' && (t.patterns.includes(pattern) || t.patterns.includes('*')));
}

export const topicMissing: Rule = {
  id: 'topic-missing',
  description: "The snapshot covers the review topics of its pattern (the schema's x-topics: drift monitoring, feedback loops, training/serving skew, rollback, cold start, data quality…).",
  severity: 'review',
  check(ctx) {
    const { parsed } = ctx;
    const pattern = patternOf(parsed);
    if (!pattern) return;
    if (tooLong(ctx)) return;
    const topics = topicsFor(ctx.schema.topics, pattern, ctx.options.topics);
    if (!topics.length) return;
    const reading = readSnapshot(parsed);
    if (!substantive(reading)) return;
    const builtIn = BUILT_IN.has(pattern);
    for (const t of topics) {
      // A topic that applies to other patterns too ("*") asks about a deployed model (a generic design must have one)
      // and, when it says so, about what the document must do for it to apply ("trains on its own data").
      if (!t.patterns.includes(pattern)) {
        if (!builtIn && !hasModel(reading)) continue;
        const condition = topicCondition(t);
        if (condition && !condition.some(reading, (m) => m.polarity === 'affirmed')) continue;
      }
      // Covered when the document commits to it, or rules it out for a stated reason (where the topic allows that);
      // deferring or wondering is not covering it, and neither is a way of writing it the topic excludes.
      const exclusion = topicExclusion(t);
      let excluded: Set<unknown> | undefined;
      // Ruled out in so many words ("Input validation: not needed", "drift is not a concern"): the author's answer,
      // which a passing mention elsewhere ("alerts on error rate > 1 %" among the failures) does not overturn; only
      // the topic's own section can.
      // Read only when a mention outside the topic's section would cover it: most are covered in their own section.
      let dismissed: boolean | undefined;
      const isDismissed = (): boolean =>
        (dismissed ??=
          t.canRuleOut === false &&
          topicConcept(t).some(reading, (m) => m.polarity === 'negated' && (dismissal(m.clause.sentence.lower, m.start - m.clause.sentence.start) || notDone(t, reading, m))));
      const covered = topicConcept(t).some(reading, (m) => {
        if (!(m.polarity === 'affirmed' || (t.canRuleOut !== false && m.polarity === 'negated' && m.reasoned))) return false;
        if (m.section !== t.section && isDismissed()) return false;
        // What the context says the team wants ("We want one feature store … so features are defined once") is the
        // goal the design must meet, not the design meeting it.
        if (m.section === 'problem' && INTENT.test(m.clause.sentence.lower)) return false;
        excluded ??= new Set(exclusion?.mentions(reading).map((x) => x.clause.sentence) ?? []);
        return !excluded.has(m.clause.sentence);
      });
      if (covered) continue;
      const at = anchorFor(parsed, [t.section, ...FALLBACK]);
      ctx.report({
        ...at,
        section: at.section ?? t.section,
        topic: t.id,
        // A topic's title, description, why and expected are the schema's x-topics (data, as the schema writes them).
        message: l10n.t('{0} is not covered: {1}; {2} Expected {3}.', t.title, t.description, lowerFirst(t.why), t.expected),
      });
    }
  },
};

/** A sentence of the context that states a wish or a goal ("Goal: one feature platform with shared definitions") rather than what the design does. */
const INTENT = /\b(?:we want|we['’]d like|we would like|we need|we hope|we aim|aims? to|the goal is|our goal is|goals? (?:is|are) to|ideally)\b|^\W*(?:goals?|objectives?|our aim)\s*:/;

/** The built-in patterns other than generic: each has a model at its heart. */
const BUILT_IN = new Set(['rag', 'llm-serving', 'agent', 'content-moderation', 'doc-processing', 'chatbot', 'recsys', 'search-ranking', 'fraud-detection', 'feature-store', 'training-pipeline', 'ml-monitoring']);

/** True when the design has a model in it: a learned or generative model affirmed in two sentences or more. */
function hasModel(reading: Reading): boolean {
  const seen = new Set<unknown>();
  for (const c of [ML_SYSTEM, GENERATIVE]) for (const m of c.mentions(reading)) if (m.polarity === 'affirmed') seen.add(m.clause.sentence);
  return seen.size >= 2;
}

/**
 * "We don't filter or pre-check at this stage": the team says, of the mention itself, that it is not done. Not when
 * something narrows it ("we don't roll back automatically", "we never roll back the feature schema") or the same
 * sentence says the topic is done another way.
 */
function notDone(t: Topic, reading: Reading, m: Mention): boolean {
  const after = m.clause.lower.slice(m.end - m.clause.start);
  if (!WE_DO_NOT_DO.test(m.clause.lower.slice(0, m.start - m.clause.start)) || PARTLY.test(after) || !BARE_AFTER.test(after)) return false;
  return !topicConcept(t).some(reading, (x) => x.polarity === 'affirmed' && x.clause.sentence === m.clause.sentence);
}

/** The words right before a mention that say the team does not do it: "we don't filter or …", "we never …". */
const WE_DO_NOT_DO = /\bwe (?:do not|don['’]t|never|will not|won['’]t)\s+(?:[\p{L}-]+\s+(?:or|and|nor)\s+)?$/u;
/** What may follow a "we don't X" that rules X out: nothing, or when ("at this stage", "yet"); an object ("we never roll back the feature schema") narrows it. */
const BARE_AFTER = /^\s*(?:$|[.;,:!)—–-]|(?:at|in|for|during|before|until|yet|today|now|here|either|anything)\b)/;
/** What limits a "we don't" to one way of doing it: "we don't roll back automatically", "… unless a release fails". */
const PARTLY = /\b(?:automatic\w*|manual\w*|by hand|ourselves|unless|except|instead|without|only|in place|per)\b/;

const DISMISSAL_OPENING = new RegExp(
  String.raw`^\s*(?:[-*]\s+)?([\p{L}\p{N} /'’-]{2,40}?)\s*(?::|—|–|\s-\s|\s(?:is|are)\s)\s*(?:not (?:needed|required|necessary|a concern|an issue|a problem|a risk|relevant|applicable|in scope|planned)|no (?:concern|issue|need)|unnecessary|out of scope|n\/a\b|${WE_DO_NOT})`,
  'u',
);

/**
 * True when a sentence opens by ruling out what it names, with the mention at `at` in that opening: "Input
 * validation: not needed — …", "Drift — not a concern", "drift is not a concern because we retrain weekly", "Monitoring: we
 * don't plan to track input distributions".
 */
function dismissal(sentence: string, at: number): boolean {
  const m = DISMISSAL_OPENING.exec(sentence);
  return !!m?.[1] && at < (m.index ?? 0) + m[0].length;
}

function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s;
}
