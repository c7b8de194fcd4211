import * as l10n from '@vscode/l10n';
import { affirmed } from '../review/concepts.js';
import { anchorFor, excerpt, genAIReading, sentenceAnchor, substantive } from '../review/context.js';
import { FACTUAL, GROUNDING, MODEL_AS_SOURCE } from '../review/vocabulary.js';
import type { Rule } from '../rule.js';

/** Patterns whose answers are factual by nature, so an answer nothing grounds is a gap. */
const ANSWERING = new Set(['rag', 'chatbot', 'agent']);

// Functions, not constants: the language is chosen after the module loads.
const WHY = (): string => l10n.t('reviewers flag a model used as the source of truth because what it memorised is dated and unverifiable, so wrong answers sound as confident as right ones');
const GOOD = (): string => l10n.t('expected answers grounded in retrieved passages or tool results, with citations, and a refusal ("I don\'t know") when nothing supports an answer');

export const redFlagGrounding: Rule = {
  id: 'red-flag-grounding',
  description: 'A GenAI snapshot that gives factual answers grounds them in retrieval, tools or citations instead of trusting what the model memorised.',
  severity: 'review',
  check(ctx) {
    const { parsed } = ctx;
    const judged = genAIReading(ctx);
    if (!judged) return;
    const { pattern, reading } = judged;
    // A clear commitment to the model's own knowledge is reported where it is written.
    const bad = MODEL_AS_SOURCE.mentions(reading).find((m) => m.polarity === 'affirmed');
    if (bad) {
      const s = bad.clause.sentence;
      ctx.report({
        ...sentenceAnchor(parsed, s),
        message: l10n.t('The design answers from the model\'s own knowledge ("{0}"); {1}; {2}.', excerpt(s.text), WHY(), GOOD()),
      });
      return;
    }
    if (!ANSWERING.has(pattern) || !substantive(reading)) return;
    if (affirmed(GROUNDING.mentions(reading))) return;
    const factual = affirmed(FACTUAL.mentions(reading));
    if (!factual) return;
    const negated = GROUNDING.mentions(reading).find((m) => m.polarity === 'negated');
    const where = negated ?? factual;
    const at = anchorFor(parsed, ['architecture']);
    const s = where.clause.sentence;
    ctx.report({
      ...sentenceAnchor(parsed, s, at.section),
      message: negated
        ? l10n.t('The system gives factual answers ("{0}") but nothing grounds them: no retrieval, tools or citations (the design rules retrieval out); {1}; {2}.', excerpt(s.text), WHY(), GOOD())
        : l10n.t('The system gives factual answers ("{0}") but nothing grounds them: no retrieval, tools or citations; {1}; {2}.', excerpt(s.text), WHY(), GOOD()),
    });
  },
};
