import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { at, fixture, lintFixture } from '../helpers.js';

const RULE = 'red-flag-fine-tune-first';

test('red-flag-fine-tune-first: "we considered fine-tuning but start with prompting", and V2 fine-tuned embeddings, pass', () => {
  assert.deepEqual(lintFixture('rules/red-flag-fine-tune-first/ok.md', RULE), []);
});

test('red-flag-fine-tune-first: fine-tuning proposed with no prompting, retrieval or tools weighed is reported at the proposal', () => {
  const found = lintFixture('rules/red-flag-fine-tune-first/not-ok.md', RULE);
  assert.deepEqual(found.map(at), ['30:4 info']);
  assert.match(found[0]?.message ?? '', /Fine-tuning is proposed \("We fine-tune Llama 3 8B with LoRA/);
});

test('red-flag-fine-tune-first: weighing one alternative is enough; negated or deferred fine-tuning is no proposal', () => {
  const text = fixture('rules/red-flag-fine-tune-first/not-ok.md');
  const weighed = text.replace('so it writes in our house style', 'because few-shot prompting reached only 70% clause accuracy on the golden set, so it writes in our house style');
  assert.deepEqual(lintText(weighed).filter((f) => f.ruleId === RULE), []);
  for (const sentence of [
    'We do not fine-tune Llama 3 8B with LoRA on our letters.',
    // Weighed and set aside, with the reason: the mention is a consideration, not a proposal.
    'We weighed fine-tuning Llama 3 on 60,000 past letters, but a fixed template filled from the claim record is easier to audit, so there is no fine-tuning.',
    'Fine-tuning Llama 3 on our letters is out of scope.', 'Instead of fine-tuning, a fixed template is filled from the claim record.']) {
    const other = text.replace(/We fine-tune Llama 3 8B with LoRA on 60,000 past letters[^\n]*/, sentence);
    assert.deepEqual(lintText(other).filter((f) => f.ruleId === RULE), [], sentence);
  }
});

test('red-flag-fine-tune-first: tuning an embedding model or a classifier is not the red flag', () => {
  const text = fixture('rules/red-flag-fine-tune-first/not-ok.md').replace(/We fine-tune Llama 3 8B with LoRA[^\n]*/, 'We fine-tune the embedding model on 60,000 past letters to find similar claims.');
  assert.deepEqual(lintText(text).filter((f) => f.ruleId === RULE), []);
});

test('red-flag-fine-tune-first: serving LoRA adapters, a model card\'s "instruction-tuned" or "fine-tuning" a setting proposes no tuning', () => {
  const text = fixture('rules/red-flag-fine-tune-first/not-ok.md');
  for (const sentence of ['The serving layer loads LoRA adapters per tenant next to the base model.', 'The model is an instruction-tuned 8B model from the public hub.', 'Batch size and timeouts allow fine-tuning per deployment.']) {
    const other = text.replace(/We fine-tune Llama 3 8B with LoRA on 60,000 past letters[^\n]*/, sentence);
    assert.deepEqual(lintText(other).filter((f) => f.ruleId === RULE), [], sentence);
  }
  const passive = text.replace(/We fine-tune Llama 3 8B with LoRA on 60,000 past letters[^\n]*/, 'Llama 3 8B is fine-tuned with LoRA on 60,000 past letters.');
  assert.equal(lintText(passive).filter((f) => f.ruleId === RULE).length, 1, 'tuning on the team\'s data is a proposal however it is phrased');
});

test('red-flag-fine-tune-first: an alternative named elsewhere for another reason ("the model has no tools") is not weighed', () => {
  const text = fixture('rules/red-flag-fine-tune-first/not-ok.md').replace('claim text is untrusted input.', 'claim text is untrusted input, and the model has no tools.');
  assert.deepEqual(lintText(text).filter((f) => f.ruleId === 'red-flag-fine-tune-first').map(at), ['30:4 info']);
  const beside = text.replace('so it writes in our house style', 'because a few-shot prompt baseline reached only 70% clause accuracy, so it writes in our house style');
  assert.deepEqual(lintText(beside).filter((f) => f.ruleId === 'red-flag-fine-tune-first'), []);
});

test('red-flag-fine-tune-first: a plan written as a step ("Step one is to fine-tune…", "Plan is to…") and an open model named by its size or family is a proposal', () => {
  const text = fixture('rules/red-flag-fine-tune-first/not-ok.md');
  for (const sentence of [
    'Step one is to fine-tune Llama-3-8B with LoRA on 30k letters that adjusters will label over the next three months.',
    'Plan is to fine-tune Qwen2-VL-7B on our 4,000 best hand-written letters.',
    // The model named only by its size, and "OCR" further on in the sentence: the tuned model is the 70B one.
    'We shall fine-tune a 70-billion-parameter open-weights model on 20,000 past letters, pairing the OCR text of each claim with its letter.',
    'Extraction model: step 1 is to fine-tune an open 7B instruction model with 15,000 letters annotated by adjusters.',
  ]) {
    const other = text.replace(/We fine-tune Llama 3 8B with LoRA on 60,000 past letters[^\n]*/, sentence).replace(/\bLlama 3 8B\b/g, 'the model');
    assert.equal(lintText(other).filter((f) => f.ruleId === RULE).length, 1, sentence);
  }
  // What is tuned is the word beside the verb: a reranker tuned on the letters is not the red flag.
  const reranker = text.replace(/We fine-tune Llama 3 8B with LoRA on 60,000 past letters[^\n]*/, 'Step one is to fine-tune the reranker on 60,000 past letters.');
  assert.deepEqual(lintText(reranker).filter((f) => f.ruleId === RULE), []);
});

test('red-flag-fine-tune-first: a document-processing design is GenAI when it names an open model by size or family, not only "LLM"', () => {
  const base = fixture('rules/red-flag-fine-tune-first/not-ok.md').replace(/We fine-tune Llama 3 8B with LoRA on 60,000 past letters[^\n]*/, 'We fine-tune MODEL on 60,000 past letters so it writes in our house style.');
  for (const model of ['a 70-billion-parameter open-weights model', 'Qwen2-VL-7B', 'an open 7B instruction model']) {
    assert.equal(lintText(base.replace('MODEL', model)).filter((f) => f.ruleId === RULE).length, 1, model);
  }
  // A model without a size or a family could be any classifier: the document is not judged as GenAI on that alone.
  assert.deepEqual(lintText(base.replace('MODEL', 'a gradient-boosted model')).filter((f) => f.ruleId === RULE), []);
});

test('red-flag-fine-tune-first: tuning that "stays on the table" beside "for v1 we prompt the VLM" is put off, not proposed', () => {
  const base = fixture('rules/red-flag-fine-tune-first/not-ok.md');
  const flagged = (text: string): number => lintText(base.replace(/We fine-tune Llama 3 8B with LoRA on 60,000 past letters[^\n]*/, text)).filter((f) => f.ruleId === RULE).length;
  assert.equal(flagged('For v1 we prompt Llama 3 8B with a field schema and two annotated examples; fine-tuning stays on the table for K-1s, where we expect to fall short.'), 0);
  assert.equal(flagged('Fine-tuning is how we reach the house style: we fine-tune Llama 3 8B on our 60,000 past letters.'), 1);
});

test('red-flag-fine-tune-first: "span grounding" of extracted fields weighs no retrieval', () => {
  const text = (anchoring: string): string => `---\ntitle: T\nstatus: review\npattern: doc-processing\n---\n# T\n\n## Context\nWe post remittance lines from scanned statements.\n\n## Approach\nWe will fine-tune an open 7B vision-language model on our 40,000 keyed statements; off-the-shelf models don't know the layouts.\n\n**${anchoring}**\n\n## Evaluation\nA 500-statement golden set gates every release; field accuracy ≥ 98 %.\n`;
  const flagged = (t: string): number => lintText(t).filter((f) => f.ruleId === RULE).length;
  assert.equal(flagged(text('Span grounding: each value comes with the OCR word IDs it was read from.')), 1);
  assert.equal(flagged(text('We weighed retrieval of similar statements as few-shot examples; it reached 81 %.')), 0);
});
