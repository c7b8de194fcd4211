import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSchema, parseSnapshot } from '../../../src/core/index.js';
import { Concept, type Polarity } from '../../../src/core/review/concepts.js';
import { readSnapshot } from '../../../src/core/review/reader.js';
import { FINE_TUNE, GROUNDING, INJECTION, LEAKAGE, LLM_NAMED, MODEL_AS_SOURCE } from '../../../src/core/review/vocabulary.js';

/** The polarity of each mention of `concept` in a one-sentence document section. */
function read(sentence: string, concept: Concept, section = 'Architecture'): Array<[string, Polarity]> {
  const text = `---\npattern: rag\n---\n# T\n\n## ${section}\n${sentence}\n`;
  const reading = readSnapshot(parseSnapshot(text, defaultSchema().catalog));
  return concept.mentions(reading).map((m) => [text.slice(m.start, m.end), m.polarity]);
}

test('concepts: negation, alternatives and "considered … but" are read, not matched', () => {
  assert.deepEqual(read('We considered fine-tuning but start with retrieval and prompting.', FINE_TUNE), [['fine-tuning', 'considered']]);
  assert.deepEqual(read('We considered fine-tuning but start with retrieval and prompting.', GROUNDING), [['retrieval', 'affirmed']]);
  assert.deepEqual(read('The model never answers from memory: every answer cites retrieved passages.', MODEL_AS_SOURCE), [['from memory', 'negated']]);
  assert.deepEqual(read('The model never answers from memory: every answer cites retrieved passages.', GROUNDING).map(([, p]) => p), ['affirmed', 'affirmed', 'affirmed']);
  // The pledge is read whole: nothing of the kind leaves.
  assert.deepEqual(read('No PII leaves the VPC.', LEAKAGE)[0], ['No PII leaves', 'affirmed']);
  assert.deepEqual(read('No PII is stored.', LEAKAGE)[0], ['PII', 'negated']);
  assert.deepEqual(read('Instead of fine-tuning, we retrieve passages from the wiki.', FINE_TUNE), [['fine-tuning', 'negated']]);
  assert.deepEqual(read('Instead of fine-tuning, we retrieve passages from the wiki.', GROUNDING)[0], ['retrieve', 'affirmed']);
  assert.deepEqual(read('Fine-tuning and embeddings are out of scope.', FINE_TUNE), [['Fine-tuning', 'negated']]);
  assert.deepEqual(read('We do not fine-tune the model and use retrieval instead.', FINE_TUNE), [['fine-tune', 'negated']]);
  assert.deepEqual(read('We do not fine-tune the model and use retrieval instead.', GROUNDING), [['retrieval', 'affirmed']]);
  assert.deepEqual(read('We chose retrieval over fine-tuning.', FINE_TUNE), [['fine-tuning', 'negated']]);
  assert.deepEqual(read('Should we fine-tune the model?', FINE_TUNE), [['fine-tune', 'considered']]);
  assert.deepEqual(read('We fine-tune Llama 3 on support tickets.', FINE_TUNE), [['fine-tune', 'affirmed']]);
  // Weighed, or tried and set aside for something else the sentence chose.
  assert.deepEqual(read('We weighed fine-tuning on analysts\' notes, but retrieval is more auditable.', FINE_TUNE), [['fine-tuning', 'considered']]);
  assert.deepEqual(read('A prompted LLM reached similar precision but cost 40× more per comment, so we chose the fine-tuned classifier.', LLM_NAMED), [['LLM', 'considered']]);
  assert.deepEqual(read('The LLM reached 92 % precision on the golden set, so we chose it.', LLM_NAMED), [['LLM', 'affirmed']]);
  // A cue after the mention counts only until the sentence turns to another subject.
  assert.deepEqual(read('Invoice text is untrusted, and a supplier could embed instructions in it.', INJECTION)[0], ['is untrusted', 'affirmed']);
  assert.deepEqual(read('Invoice text is untrusted and could be screened later.', INJECTION)[0], ['is untrusted', 'considered']);
  // A choice that weighs nothing sets nothing aside; "as discussed with" is no consideration; a condition on the
  // mention keeps the negation after it, an aside is skipped.
  assert.deepEqual(read('We fine-tune Llama 3 on 60,000 past letters, so we chose a node pool with two L4 GPUs.', FINE_TUNE), [['fine-tune', 'affirmed']]);
  assert.deepEqual(read('We fine-tune Llama 3 on support tickets, as discussed with the claims team.', FINE_TUNE), [['fine-tune', 'affirmed']]);
  assert.deepEqual(read('Fine-tuning, if the golden set plateaus, is out of scope.', FINE_TUNE), [['Fine-tuning', 'negated']]);
  assert.deepEqual(read('Fine-tuning when the corpus grows is not planned.', FINE_TUNE), [['Fine-tuning', 'negated']]);
});

test('concepts: bounds are not negations; deferral is not commitment', () => {
  assert.deepEqual(read('Responses must be grounded in no more than five passages.', GROUNDING)[0], ['grounded', 'affirmed']);
  assert.deepEqual(read('- V2: fine-tune the model on feedback.', FINE_TUNE, 'Evolution'), [['fine-tune', 'considered']]);
  assert.deepEqual(read('- V1: fine-tune the model on 5,000 labelled answers.', FINE_TUNE, 'Evolution'), [['fine-tune', 'affirmed']]);
  assert.deepEqual(read('We may fine-tune later if the golden set shows a tone problem.', FINE_TUNE), [['fine-tune', 'considered']]);
});

test('concepts: everything under a "Non-goals" sub-heading is ruled out', () => {
  const text = '---\npattern: rag\n---\n# T\n\n## Context\nAnswers for agents.\n\n### Non-goals\n- Fine-tuning a model of our own.\n';
  const reading = readSnapshot(parseSnapshot(text, defaultSchema().catalog));
  assert.deepEqual(FINE_TUNE.mentions(reading).map((m) => m.polarity), ['negated']);
});

test('concepts: phrasing syntax — stems, hyphens and spaces, "re:" and "&" parts', () => {
  const c = new Concept('x', ['fine-tun*|cold start', 're:p9\\d latency', 'label* & retrain*']);
  assert.deepEqual(read('Fine tuning, a cold-start plan and p95 latency.', c).map(([w]) => w), ['Fine tuning', 'cold-start', 'p95 latency']);
  assert.deepEqual(read('Labels from analysts feed the weekly retrain.', c).map(([w]) => w), ['Labels']);
  assert.deepEqual(read('Labels from analysts feed the dashboard.', c), []);
  assert.deepEqual(read('A coldstart fix.', c), [], 'words do not match inside other words');
});

test('reader: sentences and clauses keep exact offsets through Markdown, tables and list items', () => {
  const text = '---\npattern: rag\n---\n# T\n\n## Failure modes\n- **Vector DB down**: serve `keyword` search; alert after 30 s.\n\n| Failure | Detection |\n| --- | --- |\n| LLM slow | p95 > 3 s |\n';
  const reading = readSnapshot(parseSnapshot(text, defaultSchema().catalog));
  for (const c of reading.clauses) assert.equal(text.slice(c.start, c.end).replace(/[*`|]/g, ' ').replace(/\s+/g, ' ').trim(), c.text.replace(/\s+/g, ' ').trim());
  assert.deepEqual(reading.clauses.map((c) => c.text.replace(/\s+/g, ' ').trim()), ['Vector DB down', 'serve keyword search', 'alert after 30 s.', 'LLM slow', 'p95 > 3 s']);
  const row = reading.blocks.find((b) => b.kind === 'row');
  assert.deepEqual(row?.cells?.map((c) => [c.column, c.text.trim()]), [['failure', 'LLM slow'], ['detection', 'p95 > 3 s']]);
  assert.ok(reading.blocks.every((b) => b.section === 'failure-modes'));
});

test('reader: guidance and placeholders mark a section unfinished and are not read as prose', () => {
  const text = '---\npattern: rag\n---\n# T\n\n## Context\n<!-- Guidance: who asks. -->\n<Who asks questions, over which corpus.>\n\n## Requirements\n- Answer questions.\n';
  const reading = readSnapshot(parseSnapshot(text, defaultSchema().catalog));
  assert.deepEqual([...reading.unfinished], ['problem']);
  assert.deepEqual([...reading.written], ['requirements']);
  assert.equal(reading.guidance, 1);
});

test('concepts: "isn\'t really a concern", "X: TBD." and "we\'ll figure it out" are not commitments; a metric named "skip rate" is no negation', () => {
  const drift = new Concept('drift', ['drift*']);
  const rollback = new Concept('rollback', ['rollback*|versioning']);
  assert.deepEqual(read("Drift isn't really a concern here since the pages are curated.", drift), [['Drift', 'negated']]);
  assert.deepEqual(read("Model drift isn't applicable: we use a hosted model.", drift), [['drift', 'negated']]);
  assert.deepEqual(read('Rollback: TBD.', rollback), [['Rollback', 'considered']]);
  assert.deepEqual(read("We'll figure out versioning and rollback once there is a second model.", rollback).map(([, p]) => p), ['considered', 'considered']);
  assert.deepEqual(read('A daily dashboard tracks skip rate and feature drift against the training week.', drift), [['drift', 'affirmed']]);
  // An entry that opens by putting the decision off, whatever follows it.
  assert.deepEqual(read('Rollback: TBD with IT ops.', rollback), [['Rollback', 'considered']]);
  assert.deepEqual(read('rollback: will figure out with the platform team before week 3', rollback), [['rollback', 'considered']]);
  assert.deepEqual(read('Prompt and model versioning, and how we would roll back: to be agreed with the platform team.', rollback), [['versioning', 'considered']]);
  assert.deepEqual(read('Rollback: the previous model stays warm for a week; TBD whether longer.', rollback), [['Rollback', 'affirmed']]);
  // A paragraph that opens with "TBD.", and work promised once something else is ready, put it off.
  const checks = new Concept('checks', ['schema check*']);
  assert.deepEqual(read('TBD. Schema checks on the labelling export.', checks), [['Schema checks', 'considered']]);
  assert.deepEqual(read('We will add schema checks on the export once the pipeline is stable.', checks), [['schema checks', 'considered']]);
  assert.deepEqual(read('Schema checks on the labelling export run before every training job.', checks), [['Schema checks', 'affirmed']]);
});

test('concepts: the model as the source of truth in other words; a quoted negation and someone else\'s "whether" hedge nothing', () => {
  const cases: Array<[string, string]> = [
    ['The model answers entitlement questions directly from what it learned in training.', 'from what it learned'],
    ['So symptom and toxicity answers come straight from the model.', 'answers come straight from the model'],
    ['For ask-anything questions, the model answers directly.', 'questions, the model answers directly.'],
    ['When an employee asks whether something is reimbursable, the agent answers from the model\'s general knowledge of tax rules.', 'answers from the model\'s general knowledge'],
    ['So we let it write the whole "Fits / Doesn\'t fit" section from its own knowledge.', 'from its own knowledge'],
  ];
  for (const [sentence, words] of cases) assert.deepEqual(read(sentence, MODEL_AS_SOURCE), [[words, 'affirmed']], sentence);
  assert.deepEqual(read('The bot answers directly from the retrieved passages.', MODEL_AS_SOURCE), []);
  // Small talk answered directly is no factual answer.
  assert.deepEqual(read('For small talk the model answers directly.', MODEL_AS_SOURCE), []);
});

test('concepts: a label before a colon that rules out or puts off what follows it ("Not in v1:", "Out of scope:", "Later:")', () => {
  const c = new Concept('c', ['rollback*|fine-tun*']);
  assert.deepEqual(read('Not in v1: rollback and drift monitoring.', c), [['rollback', 'negated']]);
  assert.deepEqual(read('Out of scope: fine-tuning the model on our tickets.', c), [['fine-tuning', 'negated']]);
  assert.deepEqual(read('Later: rollback to the previous prompt.', c), [['rollback', 'considered']]);
  // A failure named before the colon is no such label.
  assert.deepEqual(read('Model API down: rollback to the previous version.', c), [['rollback', 'affirmed']]);
});

test('concepts: a negation does not reach into an aside or past a colon or an arrow', () => {
  const check = new Concept('check', ['health check*|logged']);
  assert.deepEqual(read('PPMS API not reachable (health check every minute): the bot gives the web link.', check), [['health check', 'affirmed']]);
  assert.deepEqual(read('Model picks an action not in the runbook → logged and counted in the weekly review.', check), [['logged', 'affirmed']]);
  assert.deepEqual(read('We have no health check on the PPMS API.', check), [['health check', 'negated']]);
});

test('concepts: the launch plan ("## Rollout") commits; the roadmap ("## Future work") defers', () => {
  const rollback = new Concept('rollback', ['rollback*']);
  assert.deepEqual(read('Rollback is a config change.', rollback, 'Rollout'), [['Rollback', 'affirmed']]);
  assert.deepEqual(read('Rollback is a config change.', rollback, 'Future work'), [['Rollback', 'considered']]);
  assert.deepEqual(read('Rollback is a config change.', rollback, '7 Going live'), [['Rollback', 'affirmed']]);
});

test('concepts: a label\'s entry that puts it off or rules it out is read ("Cold start: to be handled in phase 2", "Rollback: not needed for v1")', () => {
  const c = new Concept('c', ['cold start|rollback*|drift|monitor* quality']);
  assert.deepEqual(read('Cold start: to be handled in phase 2.', c), [['Cold start', 'considered']]);
  assert.deepEqual(read('Prompt versioning and rollback: not needed for v1, it is an internal tool.', c), [['rollback', 'considered']]);
  assert.deepEqual(read('Drift: not needed, the model is hosted and frozen.', c), [['Drift', 'negated']]);
  assert.deepEqual(read('Rollback plan will be defined with the platform team.', c), [['Rollback', 'considered']]);
  // A condition of the running system is no deferral ("once the model is in production, PSI is computed daily").
  assert.deepEqual(read('Once the model is in production, monitor quality daily on a 1% sample.', c), [['monitor quality', 'affirmed']]);
  // An entry that commits, or says what users see when something is not possible, is no such label.
  assert.deepEqual(read('Rollback: the previous model stays warm for a week.', c), [['Rollback', 'affirmed']]);
  assert.deepEqual(read('Drift alert fires (weekly PSI check): the bot says booking is not possible right now.', c), [['Drift', 'affirmed']]);
});

test('concepts: "Cost: will be clearer after the first month" puts the cost off', () => {
  const c = new Concept('c', ['cost*']);
  assert.deepEqual(read('Cost: will be clearer after the first month of usage.', c), [['Cost', 'considered']]);
  assert.deepEqual(read('Cost: about $900 a month, clearer after the first month of usage.', c), [['Cost', 'affirmed']]);
});

test('concepts: "will only try X if…" puts X off; a version pointed back to ("re-pointing it to v2") is no later version', () => {
  assert.deepEqual(read('We start with few-shot prompting of the 8B model and will only try a LoRA if the edit rate stays above 25%.', FINE_TUNE), [['LoRA', 'considered']]);
  const rollback = new Concept('rollback', ['rolling back']);
  assert.deepEqual(read('Rolling back a consumer is just re-pointing it to `v2`.', rollback), [['Rolling back', 'affirmed']]);
  assert.deepEqual(read('Rolling back a consumer is switched back to v2 in one step.', rollback), [['Rolling back', 'affirmed']]);
  assert.deepEqual(read('Rolling back a consumer comes in v2.', rollback), [['Rolling back', 'considered']]);
  assert.deepEqual(read('Rolling back is planned for v2.', rollback), [['Rolling back', 'considered']]);
});

test('concepts: a label whose entry opens "we don\'t plan to track…" or "…to watch for…" rules it out (puts it off with "in v1")', () => {
  const c = new Concept('c', ['monitoring|drift']);
  assert.deepEqual(read("Monitoring: we don't plan to track input or prediction distributions over time.", c), [['Monitoring', 'negated']]);
  assert.deepEqual(read('Monitoring: we track input distributions weekly (PSI > 0.2 alerts).', c), [['Monitoring', 'affirmed']]);
  assert.deepEqual(read("Drift: we don't plan to watch for input or label drift in v1.", c)[0], ['Drift', 'considered']);
  assert.deepEqual(read("Drift: we don't plan to watch for input or label drift.", c)[0], ['Drift', 'negated']);
});

test('concepts: only the last sentence of a list\'s lead-in sets its items\' context', () => {
  const c = new Concept('c', ['sampled at random']);
  const lead = (intro: string): Array<[string, Polarity]> => read(`${intro}\n\n- 0.3% of passed invoices are sampled at random into the analyst queue.`, c);
  assert.deepEqual(lead('Passed invoices only get a label if the customer reports fraud later. Mitigations:'), [['sampled at random', 'affirmed']]);
  assert.deepEqual(lead('Later:'), [['sampled at random', 'considered']]);
});
