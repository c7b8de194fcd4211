import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileSchema, isSchemaProblem, lintText, type CompiledSchema } from '../../../src/core/index.js';
import { at, fixture, lintFixture } from '../helpers.js';

const RULE = 'topic-missing';

test('topic-missing: a recommender that covers cold start, feedback loop, skew, data quality, rollback and drift passes', () => {
  assert.deepEqual(lintFixture('rules/topic-missing/ok.md', RULE), []);
});

test('topic-missing: each uncovered topic of the pattern is reported at its section, naming the topic', () => {
  const found = lintFixture('rules/topic-missing/not-ok.md', RULE);
  assert.deepEqual(found.map(at), ['29:1 warning', '29:1 warning', '29:1 warning', '29:1 warning', '32:1 warning', '39:1 warning']);
  assert.deepEqual(found.map((f) => f.topic), ['feedback-loop', 'training-serving-skew', 'cold-start', 'data-quality', 'rollback', 'drift-monitoring']);
  assert.deepEqual(found.map((f) => f.section), ['data-model', 'data-model', 'data-model', 'data-model', 'failure-modes', 'evaluation']);
  assert.match(found[2]?.message ?? '', /^Cold start is not covered: what the system recommends to users with no history/);
  assert.match(found[2]?.message ?? '', /Expected a fallback for new users/);
});

test('topic-missing: "new listings arrive late" is not cold-start handling; deferring drift monitoring to V2 is not covering it', () => {
  const text = fixture('rules/topic-missing/ok.md').replace('a daily dashboard watches prediction and feature drift against the training week', 'drift monitoring comes in V2');
  assert.deepEqual(lintText(text).filter((f) => f.ruleId === RULE).map((f) => f.topic), ['drift-monitoring']);
});

test('topic-missing: the config switches a topic off', () => {
  const found = lintFixture('rules/topic-missing/not-ok.md', RULE, { topics: { 'cold-start': 'off', rollback: 'off' } });
  assert.deepEqual(found.map((f) => f.topic), ['feedback-loop', 'training-serving-skew', 'data-quality', 'drift-monitoring']);
});

test('topic-missing: a schema extending the built-in one adds, changes and drops topics by id', () => {
  const schema = compileSchema(
    JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      allOf: [{ $ref: 'https://design-snapshot.dev/schemas/design-snapshot.schema.json' }],
      'x-topics': [
        { id: 'cold-start', enabled: false },
        { id: 'rollback', phrasings: ['kill switch'] },
        { id: 'privacy-review', title: 'Privacy review', patterns: ['recsys'], section: 'safety', description: 'who signed off the use of personal data', why: 'Personal data needs a lawful basis.', expected: 'the review and its outcome', phrasings: ['privacy review|dpia'] },
      ],
    }),
    'team.json',
  );
  assert.ok(!isSchemaProblem(schema), isSchemaProblem(schema) ? schema.message : '');
  const found = lintText(fixture('rules/topic-missing/ok.md'), { schema: schema as CompiledSchema }).filter((f) => f.ruleId === RULE);
  assert.deepEqual(found.map((f) => f.topic), ['privacy-review', 'rollback']);
});

test('topic-missing: a broken x-topics entry makes the schema unusable, with the entry named', () => {
  const bad = compileSchema(JSON.stringify({ allOf: [{ $ref: 'https://design-snapshot.dev/schemas/design-snapshot.schema.json' }], 'x-topics': [{ id: 'x', phrasings: 'drift' }] }), 'team.json');
  assert.ok(isSchemaProblem(bad));
  assert.match(bad.message, /x-topics\[0\]\.phrasings: expected an array of non-empty strings/);
  const incomplete = compileSchema(JSON.stringify({ allOf: [{ $ref: 'https://design-snapshot.dev/schemas/design-snapshot.schema.json' }], 'x-topics': [{ id: 'new-one', title: 'New' }] }), 'team.json');
  assert.ok(isSchemaProblem(incomplete));
  assert.match(incomplete.message, /new topic "new-one" needs patterns, section/);
});

test('topic-missing: rollback applies to every design with a model; a RAG snapshot that covers it in its own words passes', () => {
  assert.deepEqual(lintFixture('rules/topic-missing/rag-ok.md', RULE), []);
});

test('topic-missing: a GenAI design is held to rollback; "Rollback: TBD." leaves it uncovered; drift and data quality are for predictive models', () => {
  const found = lintFixture('rules/topic-missing/rag-not-ok.md', RULE);
  assert.deepEqual(found.map(at), ['27:1 warning']);
  assert.deepEqual(found.map((f) => f.topic), ['rollback']);
  // The same text as a predictive design: "drift isn't really a concern" and an index without validation do not cover them.
  const fraud = fixture('rules/topic-missing/rag-not-ok.md').replace('pattern: retrieval-augmented-generation', 'pattern: fraud-detection');
  const topics = lintText(fraud).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  assert.ok(topics.includes('drift-monitoring') && topics.includes('data-quality'), topics.join(', '));
});

test('topic-missing: the pattern is read by its name ("recommendations" is recsys, "fraud" is fraud-detection)', () => {
  const ok = fixture('rules/topic-missing/ok.md');
  assert.deepEqual(lintText(ok.replace('pattern: recsys', 'pattern: recommendations')).filter((f) => f.ruleId === RULE), []);
  const notOk = fixture('rules/topic-missing/not-ok.md');
  assert.deepEqual(lintText(notOk.replace('pattern: recsys', 'pattern: fraud')).filter((f) => f.ruleId === RULE).map((f) => f.topic), ['feedback-loop', 'training-serving-skew', 'data-quality', 'rollback', 'drift-monitoring']);
});

test('topic-missing: cold start, rollback and drift written in other words are covered; retraining, a release gate or a retrain-and-redeploy are not', () => {
  const ok = fixture('rules/topic-missing/ok.md');
  const topics = (text: string): Array<string | undefined> => lintText(text).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  const coldStart = ok.replace(/- Cold start: [^\n]*/, '- Users with fewer than 5 interactions see the most-bought listings in their region; new listings are ranked by content similarity for their first 10 days.');
  assert.deepEqual(topics(coldStart), []);
  assert.deepEqual(topics(ok.replace('roll back to the previous model in the registry', 'flip the registry alias to the previous model version')), []);
  assert.deepEqual(topics(ok.replace('roll back to the previous model in the registry', 'retrain on the previous week of data and redeploy')), ['rollback']);
  const drift = 'a daily dashboard watches prediction and feature drift against the training week';
  assert.deepEqual(topics(ok.replace(drift, 'weekly PSI on the top 20 features, alert above 0.2')), []);
  assert.deepEqual(topics(ok.replace(drift, 'the model is retrained weekly, so drift is handled by retraining')), ['drift-monitoring']);
  assert.deepEqual(topics(ok.replace(drift, 'drift — not a concern, we retrain weekly')), ['drift-monitoring']);
  assert.deepEqual(topics(ok.replace(drift, 'drift is no issue: we retrain every night')), ['drift-monitoring']);
  assert.deepEqual(topics(ok.replace(drift, 'the weekly model is compared with the previous one before it is released')), ['drift-monitoring']);
});

test('topic-missing: data quality as rejection rules, skew as feature code shared by the streaming and batch paths, rollback as demoting the challenger', () => {
  const notOk = fixture('rules/topic-missing/not-ok.md').replace('pattern: recsys', 'pattern: fraud');
  const topics = (text: string): Array<string | undefined> => lintText(text).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  const before = topics(notOk);
  assert.ok(['data-quality', 'training-serving-skew', 'rollback'].every((t) => before.includes(t)), before.join(', '));
  const add = (line: string): Array<string | undefined> => topics(notOk.replace(/\n## Architecture\n/, `\n## Architecture\n${line}\n\n`));
  assert.ok(!add('Ingestion rejects transactions with missing merchant ids, amounts of zero or duplicate event ids, and alerts when more than 2% of a batch is rejected.').includes('data-quality'));
  assert.ok(!add('Feature code is shared between the streaming and batch paths, so training and scoring compute the same values.').includes('training-serving-skew'));
  assert.ok(!add('The registry keeps champion and challenger side by side; demoting the challenger is a config change that takes effect in seconds.').includes('rollback'));
  // Rejecting an idea is not validating data; a challenger that is only promoted has no way back.
  assert.ok(add('We rejected the idea of a separate fraud team for launch.').includes('data-quality'));
  assert.ok(add('The challenger is promoted when it beats the champion for a week.').includes('rollback'));
});

test('topic-missing: a team topic for every pattern ("*") applies only to designs that meet its `requires`', () => {
  const schema = compileSchema(
    JSON.stringify({
      allOf: [{ $ref: 'https://design-snapshot.dev/schemas/design-snapshot.schema.json' }],
      'x-topics': [{ id: 'index-freshness', title: 'Index freshness', patterns: ['*'], section: 'data-model', description: 'how stale the index may get', why: 'Stale answers.', expected: 'a freshness target', phrasings: ['freshness|staleness'], requires: ['ingest*|index*'] }],
    }),
    'team.json',
  );
  assert.ok(!isSchemaProblem(schema), isSchemaProblem(schema) ? schema.message : '');
  const topics = (text: string): Array<string | undefined> => lintText(text, { schema: schema as CompiledSchema }).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  const rag = fixture('rules/topic-missing/rag-not-ok.md');
  assert.ok(topics(rag).includes('index-freshness'), topics(rag).join(', '));
  const none = rag.replace('Ingestion pulls published pages nightly and indexes them.', 'The model calls the policy service; it keeps no data of its own.').replace('[(Policy index)]', '[(Policy service)]').replace('from the policy index', 'from the policy service');
  assert.ok(!topics(none).includes('index-freshness'), topics(none).join(', '));
});

test('topic-missing: a feedback loop described is not a feedback loop handled; a random sample let through or reviewed blind, weighted in training, is', () => {
  const ok = fixture('rules/topic-missing/ok.md');
  const line = '- Views and purchases become labels for the weekly retrain; 5% of feed slots are exploration slots, so the model does not only learn from what it already showed.';
  const loop = (text: string): number => lintText(text).filter((f) => f.topic === 'feedback-loop').length;
  assert.equal(loop(ok), 0);
  assert.equal(loop(ok.replace(line, '- Views and purchases become labels for the weekly retrain, including those that came from feed clicks.')), 1);
  for (const own of [
    '- Views and purchases become labels for the weekly retrain; 2 % of low-score items are shown anyway, blind, and weighted in training to represent everything the model hid.',
    '- Views and purchases become labels for the weekly retrain; one item in fifty from the unshown pool is reviewed every week and weighted in training.',
    '- Views and purchases become labels for the weekly retrain; clicks are discounted by slot position before training.',
    '- Views and purchases become labels for the weekly retrain; the top 3 slots always include one listing the model ranked low.',
    '- Views and purchases become labels for the weekly retrain; 0.5% of would-be declines are approved anyway.',
    '- Views and purchases become labels for the weekly retrain; analysts review 300 declined items each week and their verdicts join the training data.',
  ]) assert.equal(loop(ok.replace(line, own)), 0, own);
});

test('topic-missing: rollback as setting the config back to the previous tag or checking out the previous commit; skew as one package the training job and the API import', () => {
  const notOk = fixture('rules/topic-missing/not-ok.md').replace('pattern: recsys', 'pattern: fraud');
  const topics = (text: string): Array<string | undefined> => lintText(text).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  const add = (line: string): Array<string | undefined> => topics(notOk.replace(/\n## Architecture\n/, `\n## Architecture\n${line}\n\n`));
  assert.ok(topics(notOk).includes('rollback') && topics(notOk).includes('training-serving-skew'));
  assert.ok(!add('Each model is a git tag recorded on every scoring run; going back means setting the runtime config to the previous tag.').includes('rollback'));
  assert.ok(!add('Each run stores the commit it scored with; if a new model is worse, we check out the previous commit and rerun.').includes('rollback'));
  assert.ok(!add('One feature package computes every feature; the training job and the scoring API both import it at a pinned version.').includes('training-serving-skew'));
});

test('topic-missing: cold start as bestsellers for customers with no orders and content features for a new SKU; drift "covered" by retraining is not', () => {
  const ok = fixture('rules/topic-missing/ok.md');
  const topics = (text: string): Array<string | undefined> => lintText(text).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  const coldStart = '- Cold start: new users see trending listings in their region until they have 5 interactions; new listings get content-based embeddings from title and photos.';
  assert.deepEqual(topics(ok.replace(coldStart, '- New customer (no orders): store-level bestsellers.\n- New SKU: the item tower uses only content features.')), []);
  assert.deepEqual(topics(ok.replace(coldStart, '- Cold start: to be handled in phase 2.').replace(', including users with no history', '')), ['cold-start']);
  const drift = 'a daily dashboard watches prediction and feature drift against the training week';
  assert.deepEqual(topics(ok.replace(drift, 'slang changes fast, so we retrain every 2 weeks, so drift is covered')), ['drift-monitoring']);
});

test('topic-missing: rollback as changing the tag back to the previous one; data quality as dropped or duplicated records detected', () => {
  const notOk = fixture('rules/topic-missing/not-ok.md').replace('pattern: recsys', 'pattern: fraud');
  const topics = (text: string): Array<string | undefined> => lintText(text).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  const add = (line: string): Array<string | undefined> => topics(notOk.replace(/\n## Architecture\n/, `\n## Architecture\n${line}\n\n`));
  assert.ok(topics(notOk).includes('rollback') && topics(notOk).includes('data-quality'));
  assert.ok(!add('Each monthly model is saved under a date tag; if the new one is bad, we change the tag back to the previous one and restart.').includes('rollback'));
  // "Every change is read back to the caller" takes nothing back.
  assert.ok(add('Every change is read back to the caller and only made after a yes.').includes('rollback'));
  assert.ok(!add('Dropped or duplicated payment events are detected from the sequence number before scoring.').includes('data-quality'));
  assert.ok(add('We dropped duplicated-event checks before scoring.').includes('data-quality'));
});

test('topic-missing: a topic ruled out in so many words stays open against a passing mention elsewhere; its own section can still cover it', () => {
  const notOk = fixture('rules/topic-missing/not-ok.md').replace('pattern: recsys', 'pattern: fraud');
  const topics = (text: string): Array<string | undefined> => lintText(text).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  const add = (heading: string, line: string, text = notOk): string => text.replace(new RegExp(`\\n## ${heading}\\n`), `\n## ${heading}\n${line}\n\n`);
  const passing = add('Failure modes', '- Feature service down → rules only; alerts on error rate > 1 % and empty-score rate.');
  assert.ok(!topics(passing).includes('drift-monitoring'), 'a passing alert on a rate reads as watching');
  assert.ok(topics(add('Architecture', '- Drift is not a concern because we retrain weekly.', passing)).includes('drift-monitoring'));
  assert.ok(!topics(add('Evaluation', '- Weekly PSI on the top 20 features, alert above 0.2.', add('Architecture', '- Drift is not a concern because we retrain weekly.', passing))).includes('drift-monitoring'));
  // Data quality cannot be ruled out either.
  const checked = add('Failure modes', '- Oversized batch: row count checked at parse time, split in two.');
  assert.ok(!topics(checked).includes('data-quality'));
  assert.ok(topics(add('Architecture', '- Input validation: not needed, partners send standard files.', checked)).includes('data-quality'));
});

test('topic-missing: work "undone by controllers" is no rollback; a model update undone in minutes is', () => {
  const notOk = fixture('rules/topic-missing/not-ok.md').replace('pattern: recsys', 'pattern: fraud');
  const topics = (text: string): Array<string | undefined> => lintText(text).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  const add = (line: string): Array<string | undefined> => topics(notOk.replace(/\n## Evaluation\n/, `\n## Evaluation\n${line}\n\n`));
  assert.ok(add('- Online: share of holds undone by analysts, weekly review of every undone hold.').includes('rollback'));
  assert.ok(!add('- A model update that raises the hold rate by 20 % is undone within minutes.').includes('rollback'));
});

test('topic-missing: checking the model\'s output is no data check at ingestion; an "adjudication system" adjudicates no labels', () => {
  const notOk = fixture('rules/topic-missing/not-ok.md').replace('pattern: recsys', 'pattern: fraud');
  const topics = (text: string): Array<string | undefined> => lintText(text).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  const add = (line: string): Array<string | undefined> => topics(notOk.replace(/\n## Architecture\n/, `\n## Architecture\n${line}\n\n`));
  assert.ok(add('A validator checks that every cited span exists in the document text.').includes('data-quality'));
  assert.ok(add("Only the model's output is checked against the code tables.").includes('data-quality'));
  assert.ok(add('Clerks key 40 fields per claim into the adjudication system.').includes('data-quality'));
  assert.ok(!add('A validator checks every incoming claim document for missing pages and duplicates before scoring.').includes('data-quality'));
  assert.ok(!add('Disagreeing labels are adjudicated by a senior analyst.').includes('data-quality'));
});

test('topic-missing: "Monitoring: we don\'t plan to track input or prediction distributions" rules drift out; a sample among the failures does not overturn it', () => {
  const notOk = fixture('rules/topic-missing/not-ok.md').replace('| Feature lookup errors | error rate > 1% | default features | less personal feed |', '| Relevant listing hidden | complaints; weekly sample | restore its ranking | less relevant feed |');
  const topics = (monitoring: string): Array<string | undefined> => lintText(notOk.replace('Online: A/B test', `${monitoring} Online: A/B test`)).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  assert.ok(topics("Monitoring: we don't plan to track input or prediction distributions over time; listings look the same year-round.").includes('drift-monitoring'));
  assert.ok(!topics('Monitoring: weekly PSI on the score distribution per category, alert above 0.2.').includes('drift-monitoring'));
});

test('topic-missing: what the context says the team wants ("we want … so features are defined once") is a goal, not the design covering it', () => {
  const notOk = fixture('rules/topic-missing/not-ok.md');
  const topics = (context: string): Array<string | undefined> => lintText(notOk.replace('today it is sorted by recency.', `today it is sorted by recency. ${context}`)).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  assert.ok(topics('We want one feature store for the online ranker and the offline training job, so features are defined once and reused.').includes('training-serving-skew'));
  assert.ok(!topics('One feature store serves the online ranker and the offline training job, so features are defined once and reused.').includes('training-serving-skew'));
});

test('topic-missing: an old version kept "so we can compare models across years" is no way back', () => {
  const notOk = fixture('rules/topic-missing/not-ok.md');
  const topics = (line: string): Array<string | undefined> => lintText(notOk.replace(/\n## Architecture\n/, `\n## Architecture\n${line}\n\n`)).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  assert.ok(topics('The golden set is refreshed once a year as a new version; the old version is kept so we can compare models across years.').includes('rollback'));
  assert.ok(!topics('Each model is published as a new version; the old version is kept warm, and rollback re-points the alias to it.').includes('rollback'));
});

test('topic-missing: "going back hasn\'t been needed so far" is no rollback; "we don\'t filter or pre-check" rules out ingestion checks a later output check does not restore', () => {
  const notOk = fixture('rules/topic-missing/not-ok.md');
  const topics = (line: string, base = notOk): Array<string | undefined> => lintText(base.replace(/\n## Architecture\n/, `\n## Architecture\n${line}\n\n`)).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  assert.ok(topics('Going back to an older model hasn\'t been needed so far; we will design it if it comes up.').includes('rollback'));
  assert.ok(!topics('Going back to an older model is an alias flip to the previous version.').includes('rollback'));
  // "We don't roll back automatically" leaves a manual way back open.
  assert.ok(!topics("We don't roll back automatically. On-call flips the alias back to the previous model.").includes('rollback'));
  const docs = fixture('rules/topic-missing/not-ok.md').replace('pattern: recsys', 'pattern: doc-processing').replace('| Feature lookup errors | error rate > 1% | default features | less personal feed |', '| Fields do not add up | automatic checks of the extracted totals | send to a clerk | slower |');
  assert.ok(topics('Whatever arrives is queued as it is: we don\'t filter or pre-check at this stage.', docs).includes('data-quality'));
  assert.ok(!topics('Whatever arrives is pre-checked: unreadable or duplicate files are quarantined before the queue.', docs).includes('data-quality'));
});

test('topic-missing: items "left out of the index" below a threshold are no cold-start answer; a share of blocks reversed and a reject-rate threshold are no feedback-loop answer; a product "recall DB" is no recall metric', () => {
  const notOk = fixture('rules/topic-missing/not-ok.md');
  const topics = (line: string, base = notOk): Array<string | undefined> => lintText(base.replace(/\n## Architecture\n/, `\n## Architecture\n${line}\n\n`)).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  assert.ok(topics('Listings with fewer than 20 interactions are left out of the index because their embeddings are noisy.').includes('cold-start'));
  assert.ok(!topics('Listings with fewer than 20 interactions are left out of the ANN index and get a content-based embedding instead.').includes('cold-start'));
  assert.ok(topics('Today 11% of blocks are reversed after a call to support.').includes('feedback-loop'));
  assert.ok(topics('Partner feeds with > 20 % rejected listings in a day are paused.').includes('feedback-loop'));
  assert.ok(!topics('2% of would-be blocks are let through at random and labelled, so training sees what the model would have hidden.').includes('feedback-loop'));
  const moderation = notOk.replace('pattern: recsys', 'pattern: content-moderation');
  assert.ok(topics('Recall DB unreachable → route power-tool listings to humans; alert after 10 min.', moderation).includes('drift-monitoring'));
  assert.ok(!topics('Weekly recall on a fresh labelled sample; alert if it falls 3 points below the previous month.', moderation).includes('drift-monitoring'));
});

test('topic-missing: "Versioning and rollback: we\'ll think about that after the pilot" and "we haven\'t built rollback" leave it open; an output that "fails the schema" is no data check; "future timestamps" are not a plan for the future', () => {
  const notOk = fixture('rules/topic-missing/not-ok.md');
  const topics = (line: string, base = notOk): Array<string | undefined> => lintText(base.replace(/\n## Architecture\n/, `\n## Architecture\n${line}\n\n`)).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  assert.ok(topics("Versioning and rollback: we'll think about that after the pilot.").includes('rollback'));
  assert.ok(topics("We haven't built rollback for v1; the gate is meant to stop bad models.").includes('rollback'));
  assert.ok(!topics('Rollback: the serving alias points back to the previous model version.').includes('rollback'));
  const docs = notOk.replace('pattern: recsys', 'pattern: doc-processing').replace('| Feature lookup errors | error rate > 1% | default features | less personal feed |', '| Output JSON fails the schema | validator | one retry, then manual keying | slower |');
  assert.ok(topics('Every attachment is forwarded to the extractor as it arrives.', docs).includes('data-quality'));
  const events = notOk.replace('pattern: recsys', 'pattern: fraud-detection');
  assert.ok(!topics('Input quality: the validator drops pings with future timestamps and duplicated (device, timestamp) pairs.', events).includes('data-quality'));
});

test('topic-missing: "input checks (blank pages, duplicates, unreadable scans) are not in v1" leaves data quality open', () => {
  const docs = fixture('rules/topic-missing/not-ok.md').replace('pattern: recsys', 'pattern: doc-processing');
  const topics = (line: string): Array<string | undefined> => lintText(docs.replace(/\n## Architecture\n/, `\n## Architecture\n${line}\n\n`)).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  assert.ok(topics('Input checks (blank or rotated pages, duplicates, unreadable scans, letters that are not statements) are not in v1.').includes('data-quality'));
  assert.ok(!topics('Input checks (blank or rotated pages, duplicates, unreadable scans) quarantine a file before OCR.').includes('data-quality'));
});

test('topic-missing: "we never roll back the feature schema" narrows nothing; a weekly "recall check" that alerts watches drift; a reason after ";" keeps a cold-start fallback; "0.5% of approved" is a threshold', () => {
  const notOk = fixture('rules/topic-missing/not-ok.md');
  const topics = (line: string, base = notOk): Array<string | undefined> => lintText(base.replace(/\n## Architecture\n/, `\n## Architecture\n${line}\n\n`)).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  assert.ok(!topics('We never roll back the feature schema; changes are additive only. The previous model version stays warm so we switch back to it in a minute.').includes('rollback'));
  assert.ok(!topics('A weekly recall check on the golden set alerts if recall@10 drops below the previous week by 2 points.').includes('drift-monitoring'));
  assert.ok(!topics('Users with fewer than 3 sessions are excluded from training; they get the popularity fallback instead.').includes('cold-start'));
  const fraud = notOk.replace('pattern: recsys', 'pattern: fraud-detection');
  assert.ok(topics('We alert when chargebacks exceed 0.5% of approved transactions.', fraud).includes('feedback-loop'));
});

test('topic-missing: a batch that "goes back" to its labellers rolls nothing back; "can wait until" puts rollback off; a "Goal:" is not the design', () => {
  const notOk = fixture('rules/topic-missing/not-ok.md').replace('pattern: recsys', 'pattern: fraud');
  const topics = (text: string): Array<string | undefined> => lintText(text).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  const add = (line: string): Array<string | undefined> => topics(notOk.replace(/\n## Architecture\n/, `\n## Architecture\n${line}\n\n`));
  assert.ok(add('Label audit: if agreement falls below 0.5, the whole batch goes back.').includes('rollback'));
  assert.ok(!add('If the new model misbehaves, the serving alias is switched back to the previous version.').includes('rollback'));
  assert.ok(add('Versioning and going back to an earlier model can wait until we run more than one model.').includes('rollback'));
  assert.ok(!add('Going back to an earlier model means pointing the alias at the previous version.').includes('rollback'));
  const store = fixture('rules/topic-missing/not-ok.md').replace('pattern: recsys', 'pattern: feature-store');
  const context = (line: string): Array<string | undefined> => topics(store.replace(/\n## Context\n/, `\n## Context\n${line}\n\n`));
  assert.ok(context('Goal: one feature platform with shared definitions, an offline store for training and an online store for serving.').includes('training-serving-skew'));
  assert.ok(!context('One feature platform with shared definitions: the offline store for training and the online store for serving run the same transform code.').includes('training-serving-skew'));
});

test('topic-missing: going "straight back to the current release" or "right back to yesterday\'s model" is a rollback; "can wait a few minutes" puts nothing off', () => {
  const notOk = fixture('rules/topic-missing/not-ok.md').replace('pattern: recsys', 'pattern: fraud');
  const topics = (text: string): Array<string | undefined> => lintText(text).filter((f) => f.ruleId === RULE).map((f) => f.topic);
  const add = (line: string): Array<string | undefined> => topics(notOk.replace(/\n## Architecture\n/, `\n## Architecture\n${line}\n\n`));
  assert.ok(!add('If the canary error rate rises, traffic goes straight back to the current release.').includes('rollback'));
  assert.ok(!add("Ops can go right back to yesterday's model in one click.").includes('rollback'));
  assert.ok(add('Rejected label batches go straight back to the labellers.').includes('rollback'));
  assert.ok(!add('Going back is re-pinning the model to the previous view version.').includes('rollback'));
  assert.ok(!add('Bad version → redeploy the previous one and re-run the affected bills.').includes('rollback'));
  assert.ok(add('The reply goes back to the thread.').includes('rollback'));
  assert.ok(!add('We roll back to the previous model version with one command, since scoring can wait a few minutes.').includes('rollback'));
});
