import * as l10n from '@vscode/l10n';
import { excerpt, genAIReading } from '../review/context.js';
import { FINE_TUNE, NON_GENERATIVE, PROMPTING, RETRIEVAL, TOOLS } from '../review/vocabulary.js';
import { mentionText, type Mention } from '../review/concepts.js';
import type { Rule } from '../rule.js';

/**
 * The design itself does the tuning: "we fine-tune…", "our own model", or tuning on data ("fine-tuned on 60,000 past
 * letters"). A model card that says "instruction-tuned", a LoRA adapter being served, or "fine-tuning" a setting
 * proposes nothing.
 */
const COMMITS =
  /\b(?:we|we'll|we’ll|our team|let's|i)\b|\bour own\b|\b(?:fine-?tun\w*|lora|qlora|sft|train\w*)\s+(?:\S+\s+){0,5}?(?:on|with)\s+(?:(?:\S+\s+){0,3}?(?:tickets|examples|letters|documents|data|dataset|comments|conversations|pairs|traces|logs|records|samples|transcripts|emails|reports|forms|corpus|questions|answers|labels|archive|history)\b|(?:our|the|all|every|\d[\d,.]*\s?k?)\s+(?:[\w'’,.-]+\s+){0,3}?[a-z-]{2,}(?<!unles|thi|it|i|wa|ha|a|u|ye|plu|thu|doe)s\b)|\b(?:step (?:one|1)|first step|plan|the idea|the approach)\s+is\s+to\s+(?:fine-?tune|train)\b/;

/** Around the tuning words: what is tuned ("fine-tune the reranker", "the fine-tuned cross-encoder"): a few words before, the object after. */
function tunedObject(m: { clause: { lower: string; start: number }; start: number; end: number }): string {
  const before = m.clause.lower.slice(0, m.start - m.clause.start).split(/\s+/).slice(-3).join(' ');
  // What is tuned runs up to the data it is tuned on ("…, a multilingual BERT classifier, on 30k labelled tickets").
  const rest = m.clause.lower.slice(m.end - m.clause.start);
  const on = rest.search(/\s(?:on|with|using)\s/);
  const after = (on < 0 ? rest : rest.slice(0, on)).split(/\s+/).slice(0, 20).join(' ');
  return `${before} ${after}`;
}

/** A sentence that compares approaches: "a prompted baseline reached 70 %", "tried few-shot first". */
const COMPARED = /\b(?:baseline|compared|comparison|versus|vs\.?|than|instead|tried|benchmark(?:ed)?|reached|outperform\w*|beat|beats)\b/;

/** "Span grounding: each field comes with the OCR word IDs it was read from": an extraction anchored in its page, no retrieval weighed. */
function anchoringOnly(m: Mention): boolean {
  const word = mentionText(m);
  return /^ground/.test(word) && !/\b(?:retriev\w*|search\w*|index\w*|knowledge|corpus|passages?|documents? store)\b/.test(m.clause.sentence.lower);
}

export const redFlagFineTuneFirst: Rule = {
  id: 'red-flag-fine-tune-first',
  description: 'Fine-tuning (or training a model of your own) is weighed against prompting, retrieval and tools before it is proposed.',
  severity: 'review',
  check(ctx) {
    const { parsed } = ctx;
    const judged = genAIReading(ctx);
    if (!judged) return;
    const { reading } = judged;
    // Tuning an embedding model, a reranker or a classifier is ordinary; the flag is about the generative model.
    const proposed = FINE_TUNE.mentions(reading).find((m) => m.polarity === 'affirmed' && !NON_GENERATIVE.test(tunedObject(m)) && COMMITS.test(m.clause.lower));
    if (!proposed) return;
    const s = proposed.clause.sentence;
    // Weighed: an alternative written where the decision is made (the proposal's section, a sentence that speaks of
    // tuning, the trade-offs), not a tool or a prompt mentioned for some other reason elsewhere; in the proposal's own
    // sentence only when it compares ("fine-tune because prompting reached only 70 %", not "fine-tune an LLM (function calling)").
    const tuning = new Set(FINE_TUNE.mentions(reading).map((m) => m.clause.sentence));
    // An agent's tools are everywhere in its design: beside the proposal they weigh nothing unless compared.
    const weighed = [PROMPTING, RETRIEVAL, TOOLS].some((c) =>
      c.mentions(reading).some((m) => !anchoringOnly(m) && (m.clause.sentence === s ? COMPARED.test(s.lower) : (c !== TOOLS && m.clause.sentence.block.heading === s.block.heading) || m.section === 'trade-offs' || tuning.has(m.clause.sentence) || COMPARED.test(m.clause.sentence.lower))),
    );
    if (weighed) return;
    ctx.report({
      range: parsed.lines.range(proposed.start, proposed.end),
      ...(s.block.section ? { section: s.block.section } : {}),
      message: l10n.t(
        'Fine-tuning is proposed ("{0}") without weighing prompting, retrieval or tools first; reviewers see tuning first as a costly default: it needs labelled data, retraining for every change and a model to host, and it does not keep facts fresh; expected a prompting or retrieval baseline measured on the evaluation set, and fine-tuning only for what that baseline cannot reach (tone, format, latency), with the numbers.',
        excerpt(s.text),
      ),
    });
  },
};
