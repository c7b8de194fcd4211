import { anchorFor, patternOf, substantive, tooLong } from '../review/context.js';
import { readSnapshot } from '../review/reader.js';
import { topicConcept, type Topic } from '../review/topics.js';
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
    for (const t of topics) {
      // Covered when the document commits to it, or rules it out for a stated reason; deferring or wondering is not covering.
      const covered = topicConcept(t)
        .mentions(reading)
        .some((m) => m.polarity === 'affirmed' || (m.polarity === 'negated' && m.reasoned));
      if (covered) continue;
      const at = anchorFor(parsed, [t.section, ...FALLBACK]);
      ctx.report({
        ...at,
        section: at.section ?? t.section,
        topic: t.id,
        message: `${t.title} is not covered: ${t.description}; ${lowerFirst(t.why)} Expected ${t.expected}.`,
      });
    }
  },
};

function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s;
}
