import * as l10n from '@vscode/l10n';
import { affirmed } from '../review/concepts.js';
import { anchorFor, excerpt, genAIReading, sentenceAnchor, substantive } from '../review/context.js';
import { CACHING, COST, LATENCY, ROUTING, TOKENS, UNLIMITED } from '../review/vocabulary.js';
import type { Rule, RuleContext } from '../rule.js';

// Functions, not constants: the language is chosen after the module loads.
const WHY = (): string => l10n.t('reviewers expect every model call to have a price and a time: tokens grow with context, agents multiply calls, and a design without a budget fails on cost or latency at scale');
const GOOD = (): string => l10n.t('expected tokens per request and cost per request or month, and the levers that hold them (caching, routing easy requests to a smaller model, token limits), against a latency budget');

const COST_LINE = /\bcosts?\b|\bspend\b|\bpric(?:e|es|ing)\b|\bbill\b|\bbudget\b|\$\s?[\d.,]+\s*[kmb]?\s*\/\s?(?:month|mo|hr|hour|h|request|req|call|query|task|turn|1k|1m|m)\b|\bper (?:request|month|hour|call|query|task|turn|conversation|question|document|page|1k|1m|million|thousand|token|gpu)\b|\ba month\b|\bmonthly\b|\bgpu-?hours?\b/;

/** Numbers with a currency or a token unit anywhere: in prose, inline estimates or estimate blocks. */
function quantified(ctx: RuleContext): { cost: boolean; tokens: boolean } {
  let cost = false;
  let tokens = false;
  const { parsed } = ctx;
  for (const s of Object.values(parsed.model.sections)) {
    for (const n of s.numbers) {
      // A money figure is a cost only on a line about cost ("$0.14 per request", "$2/hr"), not a refund cap or a price.
      if (n.unitKind === 'currency' && !cost) {
        const line = parsed.lines.lineRange(n.range.start.line, parsed.text);
        if (COST_LINE.test(parsed.text.slice(parsed.lines.offsetAt(line.start), parsed.lines.offsetAt(line.end)).toLowerCase())) cost = true;
      }
      if (n.unit && /^tok/i.test(n.unit)) tokens = true;
    }
  }
  for (const b of ctx.estimateBlocks()) {
    for (const l of b.lines) {
      if (/USD|\$/.test(`${l.display ?? ''} ${l.expression}`)) cost = true;
      if (/token/i.test(`${l.display ?? ''} ${l.expression}`)) tokens = true;
    }
  }
  return { cost, tokens };
}

export const redFlagCostLatency: Rule = {
  id: 'red-flag-cost-latency',
  description: 'A GenAI snapshot budgets its model calls: tokens or cost per request or month, caching or routing to smaller models, within a latency budget.',
  severity: 'review',
  check(ctx) {
    const { parsed } = ctx;
    const judged = genAIReading(ctx);
    if (!judged) return;
    const { reading } = judged;
    const unlimited = UNLIMITED.mentions(reading).find((m) => m.polarity === 'affirmed');
    if (unlimited) {
      const s = unlimited.clause.sentence;
      ctx.report({
        ...sentenceAnchor(parsed, s),
        message: l10n.t('The design treats model calls as unlimited ("{0}"); {1}; {2}.', excerpt(s.text), WHY(), GOOD()),
      });
      return;
    }
    if (!substantive(reading)) return;
    const numbers = quantified(ctx);
    if (numbers.cost || numbers.tokens) return;
    if ([COST, TOKENS, CACHING, ROUTING].some((c) => affirmed(c.mentions(reading)))) return;
    const noLatency = !affirmed(LATENCY.mentions(reading));
    ctx.report({
      ...anchorFor(parsed, ['cost', 'estimates']),
      message: noLatency
        ? l10n.t('Model calls are treated as unlimited: no token budget, no cost per request or month, no caching and no routing to smaller models, and no latency budget; {0}; {1}.', WHY(), GOOD())
        : l10n.t('Model calls are treated as unlimited: no token budget, no cost per request or month, no caching and no routing to smaller models; {0}; {1}.', WHY(), GOOD()),
    });
  },
};
