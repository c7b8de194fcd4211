import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { at, fixture, lintFixture } from '../helpers.js';

const RULE = 'red-flag-eval-plan';

test('red-flag-eval-plan: a golden set with a judge and an online signal passes, even next to "we will test it"', () => {
  assert.deepEqual(lintFixture('rules/red-flag-eval-plan/ok.md', RULE), []);
});

test('red-flag-eval-plan: "we will test it with a few tickets" is not a plan; reported at the Evaluation heading', () => {
  const found = lintFixture('rules/red-flag-eval-plan/not-ok.md', RULE);
  assert.deepEqual(found.map(at), ['39:1 warning']);
  assert.equal(found[0]?.section, 'evaluation');
  assert.match(found[0]?.message ?? '', /^No plan for measuring output quality over time/);
});

test('red-flag-eval-plan: a canary in the failure modes does not make a plan, the same canary in Evaluation with a quality signal does', () => {
  const base = fixture('rules/red-flag-eval-plan/not-ok.md');
  const canaryInFailures = base.replace('| Slow model | p95 > 5 s | serve the cached summary | older summary |', '| Bad prompt | canary error rate > 1% | roll back the prompt | canary users only |');
  assert.equal(lintText(canaryInFailures).filter((f) => f.ruleId === RULE).length, 1);
  const canaryInEvaluation = base.replace('We will test it with a few tickets before launch and fix what agents report.', 'Each prompt change goes to a canary of 5% of agents, with dashboards comparing how often summaries are expanded.');
  assert.equal(lintText(canaryInEvaluation).filter((f) => f.ruleId === RULE).length, 0);
});

test('red-flag-eval-plan: a scaffold still holding template guidance is not judged', () => {
  const scaffold = fixture('rules/red-flag-eval-plan/not-ok.md').replace(/\n## (Context|Requirements|Data and model design)\n/g, '\n## $1\n<!-- Guidance: replace me. -->\n');
  assert.deepEqual(lintText(scaffold).filter((f) => f.ruleId === RULE), []);
});

test('red-flag-eval-plan: a metric put off ("we will check accuracy after launch") or only a target in the requirements is no plan', () => {
  const base = fixture('rules/red-flag-eval-plan/not-ok.md');
  const later = base.replace('We will test it with a few tickets before launch and fix what agents report.', 'We will check accuracy after launch.');
  assert.equal(lintText(later).filter((f) => f.ruleId === RULE).length, 1);
  const target = later.replace('- Summarise a ticket thread', '- Faithfulness ≥ 0.95 on summaries.\n- Summarise a ticket thread');
  assert.equal(lintText(target).filter((f) => f.ruleId === RULE).length, 1);
  const measured = base.replace('We will test it with a few tickets before launch and fix what agents report.', 'Faithfulness of summaries is scored weekly by an LLM judge; it must stay above 0.95.');
  assert.equal(lintText(measured).filter((f) => f.ruleId === RULE).length, 0);
});

test('red-flag-eval-plan: a champion alias, backtests among the trade-offs and a "high-accuracy OCR" are no plan; a rubric run on every change is one', () => {
  const base = fixture('rules/red-flag-eval-plan/ok.md');
  const plan = /We will test it, and not only by eye:[^\n]*/;
  const none = base.replace(plan, 'A retrained model becomes champion after review; pages with low OCR confidence go to the high-accuracy OCR (confidence below 0.8).').replace('Caching per ticket version trades freshness for cost.', 'Caching per ticket version trades freshness for cost; a larger model scored better in backtests.');
  assert.equal(lintText(none).filter((f) => f.ruleId === 'red-flag-eval-plan').length, 1);
  const rubric = base.replace(plan, 'A rubric of 200 test prompts, scored by senior agents, runs on every prompt or model change.');
  assert.deepEqual(lintText(rubric).filter((f) => f.ruleId === 'red-flag-eval-plan'), []);
});

test('red-flag-eval-plan: a set named by its use ("Replay set", "Reference set"), a panel grading recorded sessions and a measured sensitivity are a plan', () => {
  const text = fixture('rules/red-flag-eval-plan/not-ok.md');
  const gap = 'We will test it with a few tickets before launch and fix what agents report.';
  assert.equal(lintText(text).filter((f) => f.ruleId === RULE).length, 1);
  for (const own of [
    'Replay set: 250 real tickets from last season, replayed on every prompt or model change.',
    'Reference set: 15 tickets per queue with the reply a senior agent wrote, scored on every change.',
    'A panel of five senior agents grade each of 120 recorded sessions before every release.',
    'Every week we compute sensitivity and the alert rate per queue against the audited sample.',
  ]) assert.deepEqual(lintText(text.replace(gap, own)).filter((f) => f.ruleId === RULE), [], own);
  // "Sensitivity" of data is no metric; "enterprise-grade" grades nothing.
  for (const other of ['Every week we review the sensitivity of customer data in 180,000 sessions.', 'An enterprise-grade platform hosts the 180,000 sessions.']) {
    assert.equal(lintText(text.replace(gap, other)).filter((f) => f.ruleId === RULE).length, 1, other);
  }
});

test('red-flag-eval-plan: a satisfaction score, a trial already run, a cache\'s hit rate and feedback nobody looks at are not a plan', () => {
  const base = fixture('rules/red-flag-eval-plan/not-ok.md');
  const flagged = (from: string, to: string): number => lintText(base.replace(from, to)).filter((f) => f.ruleId === RULE).length;
  const evaluation = 'We will test it with a few tickets before launch and fix what agents report.';
  assert.equal(flagged(evaluation, 'CSAT widget (1–5 stars) after each conversation.'), 1);
  assert.equal(flagged('A hosted mid-size model; prompts hold the thread and a fixed instruction.', 'A hosted mid-size model. We tried few-shot prompting first: 81% macro-F1 on 12k labelled tickets, against 92% for an adapter.'), 1);
  assert.equal(flagged('Summaries are cached per ticket version, so reopening a ticket costs nothing.', 'Exact-match cache on the ticket version: 15% hit rate in a log replay.'), 1);
  assert.equal(flagged(evaluation, 'Agents can give thumbs up / down on a summary (not in any dashboard yet).'), 1);
  // The same measurements as a plan are one.
  assert.equal(flagged(evaluation, 'Every prompt change is scored on 300 labelled tickets: macro-F1 must stay ≥ 0.9.'), 0);
  assert.equal(flagged(evaluation, 'Thumbs-down rate per week on a dashboard, alert above 5%.'), 0);
});

test('red-flag-eval-plan: a hit rate told apart from its cache and a prompt\'s worked examples are no plan; retrieval\'s hit rate@5 measured is one', () => {
  const base = fixture('rules/red-flag-eval-plan/not-ok.md');
  const flagged = (from: string, to: string): number => lintText(base.replace(from, to)).filter((f) => f.ruleId === RULE).length;
  const cached = 'Summaries are cached per ticket version, so reopening a ticket costs nothing.';
  assert.equal(flagged(cached, `${cached} Expect a 20–25 % hit rate.`), 1);
  assert.equal(flagged('A hosted mid-size model; prompts hold the thread and a fixed instruction.', 'A hosted mid-size model; the prompt holds 3 worked examples per ticket type, with page references on every field.'), 1);
  assert.equal(flagged('We will test it with a few tickets before launch and fix what agents report.', 'Every prompt change is scored on retrieval hit rate@5 over the logged tickets, which must stay ≥ 0.8.'), 0);
});

test('red-flag-eval-plan: a watch on input drift or on what is served is no quality plan; a drift in precision watched is one', () => {
  const base = fixture('rules/red-flag-eval-plan/not-ok.md');
  const flagged = (to: string): number => lintText(base.replace('We will test it with a few tickets before launch and fix what agents report.', to)).filter((f) => f.ruleId === RULE).length;
  assert.equal(flagged('Input drift: daily PSI on the ticket-type mix vs the previous 4 weeks; > 0.2 alerts. Output drift: the mix of summary lengths, weekly.'), 1);
  assert.equal(flagged('Precision drift: weekly precision on 200 sampled summaries graded by leads; below 0.85 alerts.'), 0);
});

test('red-flag-eval-plan: a volume of questions a day, a cache "expected to serve" its top questions, a deflection assumed in the estimates and an alert "over 5 min" are no plan', () => {
  const base = fixture('rules/red-flag-eval-plan/not-ok.md');
  const flagged = (from: string, to: string): number => lintText(base.replace(from, to)).filter((f) => f.ruleId === RULE).length;
  const cached = 'Summaries are cached per ticket version, so reopening a ticket costs nothing.';
  assert.equal(flagged('## Capacity estimates\n', '## Capacity estimates\n- 6,000 questions/day, expected usage at 25% deflection.\n- A semantic cache on the 500 most frequent questions is expected to serve 40% of traffic.\n'), 1);
  assert.equal(flagged(cached, `${cached} A tool error rate > 5 % over 5 min pages on-call and marks the tool unhealthy.`), 1);
  assert.equal(flagged('We will test it with a few tickets before launch and fix what agents report.', 'Before launch, 500 real questions with the expected answer are scored on every prompt change.'), 0);
});

test('red-flag-eval-plan: annotators who label the training data, a risk that "loses accuracy" and annotators priced in the cost section are no plan', () => {
  const base = fixture('rules/red-flag-eval-plan/not-ok.md');
  const flagged = (from: string, to: string): number => lintText(base.replace(from, to)).filter((f) => f.ruleId === RULE).length;
  const model = 'A hosted mid-size model; prompts hold the thread and a fixed instruction.';
  assert.equal(flagged(model, `${model} Labels: kept only if ≥ 2 of 3 annotators agree. Annotators with agreement below 70 % on gold items leave the pool.`), 1);
  assert.equal(flagged('| Slow model | p95 > 5 s | serve the cached summary | older summary |', '| Slow model | p95 > 5 s | serve the cached summary | older summary |\n\n- A smaller model loses accuracy compared with the large one.'), 1);
  assert.equal(flagged('## Trade-offs\n', '## Cost\n- Labelling: 30k tickets × 3 annotators × $0.02 ≈ $1.8k/month.\n\n## Trade-offs\n'), 1);
  // Annotators who grade the summaries, and an accuracy drop that alerts, are a plan.
  assert.equal(flagged(model, `${model} Every week 3 annotators grade 200 summaries; the release bar is ≥ 90 % rated correct.`), 0);
  assert.equal(flagged('| Slow model | p95 > 5 s | serve the cached summary | older summary |', '| Slow model | p95 > 5 s | serve the cached summary | older summary |\n\n- Accuracy on the weekly graded sample drops: alert the owner.'), 0);
});

test('red-flag-eval-plan: "in a trial of 60 questions the answers were mostly right", a backtest run once and "the team will tell us if" are no plan', () => {
  const base = fixture('rules/red-flag-eval-plan/not-ok.md');
  const flagged = (from: string, to: string): number => lintText(base.replace(from, to)).filter((f) => f.ruleId === RULE).length;
  const model = 'A hosted mid-size model; prompts hold the thread and a fixed instruction.';
  assert.equal(flagged(model, `${model} In a trial of 60 typical threads the summaries were mostly right, so no retrieval is added.`), 1);
  const plan = 'We will test it with a few tickets before launch and fix what agents report.';
  assert.equal(flagged(plan, "Before launch we'll backtest once on last quarter's tickets. After launch, the support leads will tell us if summaries look off."), 1);
  assert.equal(flagged(plan, 'Every prompt change is backtested on last quarter\'s 500 graded tickets; it ships only if accuracy stays ≥ 0.9.'), 0);
});

test('red-flag-eval-plan: "evaluated once a week" and an alert that "will let us know" are a plan', () => {
  const base = fixture('rules/red-flag-eval-plan/not-ok.md');
  const flagged = (to: string): number => lintText(base.replace('We will test it with a few tickets before launch and fix what agents report.', to)).filter((f) => f.ruleId === RULE).length;
  assert.equal(flagged('We evaluate once a week on a 500-ticket golden set with accuracy ≥ 0.9 as the bar.'), 0);
  assert.equal(flagged('A nightly job scores the 500-ticket golden set, and the alert will let us know if accuracy drops below 0.9.'), 0);
});

test('red-flag-eval-plan: questions "with the reply a staff member actually sent", "≥ 90 % correct to ship" and a "Did this help?" button are a plan', () => {
  const base = fixture('rules/red-flag-eval-plan/not-ok.md');
  const flagged = (to: string): number => lintText(base.replace('We will test it with a few tickets before launch and fix what agents report.', to)).filter((f) => f.ruleId === RULE).length;
  assert.equal(flagged('Before any prompt change: 250 real questions from last year, with the reply a staff member actually sent.'), 0);
  assert.equal(flagged('Two officers grade the answers, and we need ≥ 90 % correct to ship.'), 0);
  assert.equal(flagged('In production, a "Did this help?" button on every answer.'), 0);
  assert.equal(flagged('Before any prompt change, someone from the team tries 250 real questions from last year.'), 1);
});
