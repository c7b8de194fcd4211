import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { at, fixture, lintFixture } from '../helpers.js';

const RULE = 'red-flag-grounding';

test('red-flag-grounding: answers that cite retrieved passages pass, with "never answers from memory" and "we considered … but" read as such', () => {
  assert.deepEqual(lintFixture('rules/red-flag-grounding/ok.md', RULE), []);
});

test('red-flag-grounding: a design that answers from the model\'s own knowledge is reported at that sentence', () => {
  const found = lintFixture('rules/red-flag-grounding/not-ok.md', RULE);
  assert.deepEqual(found.map(at), ['25:70 info']);
  assert.match(found[0]?.message ?? '', /answers from the model's own knowledge \("The assistant answers directly/);
  assert.match(found[0]?.message ?? '', /expected answers grounded in retrieved passages or tool results/);
});

test('red-flag-grounding: factual answers with retrieval ruled out and nothing else grounding them', () => {
  const found = lintFixture('rules/red-flag-grounding/not-ok-absent.md', RULE);
  assert.deepEqual(found.map(at), ['29:1 info']);
  assert.equal(found[0]?.section, 'data-model');
  assert.match(found[0]?.message ?? '', /no retrieval, tools or citations \(the design rules retrieval out\)/);
});

test('red-flag-grounding: warning from review on, and configurable like every rule', () => {
  const text = fixture('rules/red-flag-grounding/not-ok.md').replace('status: draft', 'status: review');
  assert.equal(lintText(text).find((f) => f.ruleId === RULE)?.severity, 'warning');
  assert.equal(lintText(text, { severity: { [RULE]: 'off' } }).filter((f) => f.ruleId === RULE).length, 0);
  assert.equal(lintText(text, { severity: { [RULE]: 'error' } }).find((f) => f.ruleId === RULE)?.severity, 'error');
});

test('red-flag-grounding: only GenAI patterns are judged', () => {
  const text = fixture('rules/red-flag-grounding/not-ok.md').replace('pattern: chatbot', 'pattern: recsys');
  assert.deepEqual(lintText(text).filter((f) => f.ruleId === RULE), []);
});

test('red-flag-grounding: "prefill from memory-bound decode" and "so the LLM knows how to use the tools" are not answers from memory', () => {
  const text = fixture('rules/red-flag-grounding/ok.md');
  for (const sentence of ['Prefill is separated from memory-bound decode phases.', 'Tool descriptions are added to the prompt so that the LLM knows how to use them.']) {
    const other = text.replace('## Data and model design\n', `## Data and model design\n${sentence} `);
    assert.ok(other.includes(sentence));
    assert.deepEqual(lintText(other).filter((f) => f.ruleId === RULE), [], sentence);
  }
});

test('red-flag-grounding: "answers from its general HVAC knowledge" and "the model knows the common specs" are the model as source', () => {
  const text = fixture('rules/red-flag-grounding/ok.md');
  const general = text.replace(/The model never answers from memory:[^\n]*/, 'When nothing relevant is retrieved, the model answers from its general billing knowledge.');
  const found = lintText(general).filter((f) => f.ruleId === 'red-flag-grounding');
  assert.equal(found.length, 1);
  assert.match(found[0]?.message ?? '', /^The design answers from the model's own knowledge \("When nothing relevant is retrieved, the model answers from its general billing/);
  const knows = text.replace(/The model never answers from memory:[^\n]*/, 'For common plans the model knows the usual prices and limits, so answers read as complete.');
  assert.equal(lintText(knows).filter((f) => f.ruleId === 'red-flag-grounding').length, 1);
});

test('red-flag-grounding: a generic pattern that names an LLM is a GenAI design and is judged', () => {
  const text = fixture('rules/red-flag-grounding/ok.md').replace('pattern: rag', 'pattern: generic').replace(/The model never answers from memory:[^\n]*/, 'The LLM answers directly from the model\'s own knowledge.');
  assert.equal(lintText(text).filter((f) => f.ruleId === 'red-flag-grounding').length, 1);
});

test('red-flag-grounding: "questions … are answered by the large model directly" and "explanations of facts come straight from the model" are the model as source', () => {
  const base = fixture('rules/red-flag-grounding/not-ok.md');
  const sentence = "The assistant answers directly from the model's own knowledge of our catalogue, which is large enough to know our products.";
  const found = (s: string): number => lintText(base.replace(sentence, s)).filter((f) => f.ruleId === RULE && /own knowledge/.test(f.message)).length;
  assert.equal(found('Product questions (fees, rates, card limits) are answered by the large model directly.'), 1);
  assert.equal(found('Explanations of facts, dates and formulas come straight from the model.'), 1);
  // Answered by the model from what retrieval found, or a route straight to the model, is not.
  assert.equal(found('Product questions are answered by the large model from the retrieved product pages, with citations.'), 0);
  assert.equal(found('Greetings and small talk go straight to the model.'), 0);
});

test('red-flag-grounding: "the rest … the model answers on its own" is the model as source', () => {
  const base = fixture('rules/red-flag-grounding/not-ok.md');
  const sentence = "The assistant answers directly from the model's own knowledge of our catalogue, which is large enough to know our products.";
  const found = (s: string): number => lintText(base.replace(sentence, s)).filter((f) => f.ruleId === RULE && /own knowledge/.test(f.message)).length;
  assert.equal(found('Everything else (return windows, warranty terms, store hours) the model answers on its own.'), 1);
  assert.equal(found('Everything else (return windows, warranty terms, store hours) the model answers from the retrieved policy pages.'), 0);
  // On its own as in without staff, not from its own knowledge.
  assert.equal(found('Outside office hours the model answers on its own without a human, from the retrieved policy pages.'), 0);
});

test('red-flag-grounding: fine-tuning "so it learns our products, prices and hours" makes the model the source; learning "our tone" does not', () => {
  const base = fixture('rules/red-flag-grounding/not-ok.md');
  const sentence = "The assistant answers directly from the model's own knowledge of our catalogue, which is large enough to know our products.";
  const found = (s: string): number => lintText(base.replace(sentence, s)).filter((f) => f.ruleId === RULE && /own knowledge/.test(f.message)).length;
  assert.equal(found('We will fine-tune an open 7B model on three years of chat transcripts, so it learns our products, prices, facility hours and tone.'), 1);
  assert.equal(found('We will fine-tune an open 7B model on three years of chat transcripts, so it learns our tone and our handoff rules.'), 0);
});

test('red-flag-grounding: a ranker or intent model that learns products, or an assistant that learns schedules from an API, is not the model as source', () => {
  const ok = fixture('rules/red-flag-grounding/ok.md');
  const found = (line: string): number => lintText(ok.replace(/\n## Architecture\n/, `\n## Architecture\n${line}\n\n`)).filter((f) => f.ruleId === RULE).length;
  assert.equal(found('The reranker model is fine-tuned on search logs so it learns the products users click after a query.'), 0);
  assert.equal(found('A small intent classifier is fine-tuned monthly so it learns the products that launched that month.'), 0);
  assert.equal(found('The assistant learns their schedules from the calendar API.'), 0);
  assert.equal(found('We fine-tune the chat model every quarter so it learns our prices and opening hours.'), 1);
});
