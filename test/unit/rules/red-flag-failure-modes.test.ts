import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { DETECT_COLUMN, MITIGATE_COLUMN } from '../../../src/core/rules/red-flag-failure-modes.js';
import { at, fixture, lintFixture } from '../helpers.js';

const RULE = 'red-flag-failure-modes';

test('red-flag-failure-modes: every failure with its signal and its fallback passes, in a list or a table', () => {
  assert.deepEqual(lintFixture('rules/red-flag-failure-modes/ok.md', RULE), []);
});

test('red-flag-failure-modes: bare failures, failures without detection and an empty detection cell are reported', () => {
  const found = lintFixture('rules/red-flag-failure-modes/not-ok.md', RULE);
  assert.deepEqual(found.map(at), ['30:1 warning', '31:3 warning', '37:1 warning']);
  assert.match(found[0]?.message ?? '', /^None of the 4 failure modes says how it is detected;/);
  assert.match(found[1]?.message ?? '', /^Failure mode "Feature store outage" does not say how it is detected or how the system degrades;/);
  assert.match(found[2]?.message ?? '', /^Failure mode "Bad model version" does not say how it is detected;/);
});

test('red-flag-failure-modes: "no fallback" is not a fallback', () => {
  const text = fixture('rules/red-flag-failure-modes/ok.md').replace('Ranker latency spike (stage p99 > 40 ms) → fall back to the index\'s BM25 order.', 'Ranker latency spike: no fallback and no alert yet.');
  const found = lintText(text).filter((f) => f.ruleId === RULE);
  assert.deepEqual(found.map(at), ['31:3 warning']);
});

test('red-flag-failure-modes: documents without a pattern are judged only when they clearly describe a model', () => {
  const text = fixture('rules/red-flag-failure-modes/not-ok.md').replace('pattern: search-ranking\n', 'designSnapshot: true\n');
  assert.equal(lintText(text).filter((f) => f.ruleId === RULE).length, 3, 'a ranker trained on clicks is a model');
  const plain = '---\ntitle: Wiki\nstatus: draft\n---\n# Wiki\n\n## Context\nA wiki for the team, with pages and search across every space we own today.\n\n## Requirements\n- Edit pages in the browser.\n- p99 < 300 ms for page loads.\n\n## Architecture\nA web server and a Postgres database behind a load balancer; search runs on Postgres full text.\n\n## Failure modes\n- Database down.\n- Slow search.\n\n## Trade-offs\nPostgres full text instead of a search cluster keeps operations small for a team of five people.\n';
  assert.deepEqual(lintText(plain).filter((f) => f.ruleId === RULE), []);
});

test('red-flag-failure-modes: failures under another heading ("What could go wrong") are read; a bare name is a failure mode that says nothing', () => {
  const found = lintFixture('rules/red-flag-failure-modes/other-heading-not-ok.md', RULE);
  assert.deepEqual(found.map(at), ['29:1 warning']);
  assert.match(found[0]?.message ?? '', /^4 of the 4 failure modes \("Third-party listing feed delays", "Buyers over-trusting the top result", "Ranker latency spikes during sales"…\) say neither/);
});

test('red-flag-failure-modes: failures listed in a sentence of prose, or put off ("we\'ll monitor these after launch"), are reported', () => {
  const base = fixture('rules/red-flag-failure-modes/other-heading-not-ok.md');
  const prose = base.replace(/- Third-party[\s\S]*?- Index shard loss\n/, 'The main risks are feed delays, buyers over-trusting the top result, ranker latency spikes and shard loss. We will monitor these after launch.\n');
  const found = lintText(prose).filter((f) => f.ruleId === RULE);
  assert.deepEqual(found.map(at), ['30:1 warning']);
  assert.match(found[0]?.message ?? '', /^Failure mode "The main risks are feed delays, buyers over-trusting the to…" does not say how it is detected or how the system degrades/);
});

test('red-flag-failure-modes: a table counts whatever its columns are called ("How it shows", "What users get")', () => {
  const text = fixture('rules/red-flag-failure-modes/other-heading-not-ok.md').replace(/- Third-party[\s\S]*?- Index shard loss\n/, '| Issue | How it shows | What users get |\n| --- | --- | --- |\n| Feed delays | newest listing older than 2 h | a banner that results may be incomplete |\n| Ranker slow | stage p99 > 40 ms | the index order without re-ranking |\n');
  assert.deepEqual(lintText(text).filter((f) => f.ruleId === RULE), []);
});

test('red-flag-failure-modes: the built-in schema\'s table check reads Detection and Mitigation columns by the same patterns as the rule', () => {
  const schema = JSON.parse(readFileSync(new URL('../../../schemas/design-snapshot.schema.json', import.meta.url), 'utf8')) as {
    properties: { sections: { properties: Record<string, { properties: { tables: { items: { properties: { columns: { allOf: Array<{ contains: { pattern: string } }> } } } } } }> } };
  };
  const patterns = schema.properties.sections.properties['failure-modes']?.properties.tables.items.properties.columns.allOf.map((c) => c.contains.pattern);
  assert.deepEqual(patterns, [DETECT_COLUMN.source, MITIGATE_COLUMN.source]);
  // "How we notice" / "What the reviewer sees" and "Signal" / "Behaviour": a failure table in other words.
  for (const [d, m] of [['how we notice', 'what the reviewer sees'], ['signal', 'behaviour'], ['how we know', 'what happens']] as const) {
    assert.ok(DETECT_COLUMN.test(d) && MITIGATE_COLUMN.test(m) && !DETECT_COLUMN.test(m), `${d} | ${m}`);
  }
});

/** The findings of the passing fixture with its index-shard entry written as `entry`. */
function withEntry(entry: string): string[] {
  const ok = fixture('rules/red-flag-failure-modes/ok.md');
  return lintText(ok.replace('- Index shard loss: shard health check fails → serve from the replica, flag partial results.', entry))
    .filter((f) => f.ruleId === RULE)
    .map(at);
}

test('red-flag-failure-modes: a signal in the failure\'s aside after a negation, a failure that is logged and reviewed, and a holding message read as written', () => {
  for (const own of [
    '- Ranking API not reachable (health check every minute): the page says results are unavailable and links to the category pages.',
    '- Ranker picks a listing that is not in the catalogue → logged, counted in the weekly review.',
    '- Ranker errors or time-outs: the page answers with a fixed message and a link to the category pages.',
  ]) assert.deepEqual(withEntry(own), [], own);
  // The same failures with nothing said about them are still reported.
  assert.equal(withEntry('- Ranking API not reachable: no alert and no fallback for now.').length, 1);
});

test('red-flag-failure-modes: an entry that only says what goes wrong, or puts the fix off, is reported even where the others are complete', () => {
  assert.deepEqual(withEntry('- Stale listing photos.'), ['32:3 warning']);
  for (const gap of [
    '- Wrong category shown: the shopper buys a part that does not fit their model.',
    '- Embedding model deprecated by the provider: re-embed later.',
    '- Wrong listing ranked first: the listing is reviewed only if the seller complains.',
  ]) assert.deepEqual(withEntry(gap), ['32:3 warning'], gap);
});

test('red-flag-failure-modes: work handed to people or done with less is a degradation ("recorded on paper forms, keyed later", "second failure → handoff", "last week\'s list reissued")', () => {
  for (const own of [
    '- Search app down: orders recorded on paper forms, keyed later.',
    '- Basket write rejected (item sold meanwhile) → re-reads stock once, offers the next two items; second failure → handoff.',
    '- Nightly ranking job fails: last night\'s list reissued with a note.',
  ]) assert.deepEqual(withEntry(own), [], own);
  // Handling put off is still no handling.
  assert.equal(withEntry('- Search app down: we will look at it later.').length, 1);
});

test('red-flag-failure-modes: a table whose headers do not name their roles ("we see by", "then") is read by what most of its rows say', () => {
  const table = (last: string): string =>
    fixture('rules/red-flag-failure-modes/other-heading-not-ok.md').replace(
      /- Third-party[\s\S]*?- Index shard loss\n/,
      `| problem | we see by | then |\n| --- | --- | --- |\n| ranker pod slow / down | p99 > 30 ms, health check | serve the index order without re-ranking |\n| feed delayed | alert when the newest listing is older than 2 h | show a banner that results may be incomplete |\n| new model file broken | startup check (file hash + one test inference) | pod keeps the previous model version |\n${last}\n`,
    );
  const found = (t: string): string[] => lintText(t).filter((f) => f.ruleId === RULE).map((f) => f.message);
  assert.deepEqual(found(table('| query language not supported | language ID | keyword search only + sample to reviewers |')), []);
  // An empty cell in a column that plays that role across the table is still a gap.
  assert.match(found(table('| query language not supported | - | keyword search only + sample to reviewers |')).join('\n'), /does not say how it is detected/);
});

test('red-flag-failure-modes: a message written out, a conversation forwarded to people and a canned redirect are what the system does; a line that only says how things are watched is no failure mode', () => {
  for (const own of [
    '- Ranking API does not answer in 8 s → the page shows "Results are slow, try the category pages" and the query is logged.',
    '- Ranking API error → the request is forwarded to the search team\'s queue and the page shows the category pages.',
    '- Query blocked by moderation: canned redirect back to the category pages.',
  ]) assert.deepEqual(withEntry(own), [], own);
  assert.deepEqual(withEntry('- Index shard loss: shard health check fails → serve from the replica.\n- fallback rate dashboard, alert > 2%'), []);
  // A bare failure is still reported, beside the watching line or not.
  assert.equal(withEntry('- Stale listing photos.\n- fallback rate dashboard, alert > 2%').length, 1);
});

test('red-flag-failure-modes: what follows an arrow after a failure is what the system then does, unless it is nothing, put off or only more failure', () => {
  for (const own of [
    '- Model provider timeout → after 6 s return the matching passages without a summary.',
    '- Expired listing still ranked → hard filter on the expiry date at query time.',
    '- Payment processor outage → not ours to fix, the checkout page offers a retry.',
    '- Scoring service down → orders pass (not held), only logged; rescored in batch later, on-call paged.',
  ]) assert.deepEqual(withEntry(own), [], own);
  for (const own of ['- Vector store down → users see errors.', '- Vector store down → nothing yet.', '- Vector store down → handle later.']) assert.equal(withEntry(own).length, 1, own);
});

test('red-flag-failure-modes: a line of alerts beside failures with fallbacks says how they are detected; a line naming a failure is no such line', () => {
  // The whole failure-modes section replaced by a lead-in and these lines.
  const lead = 'The ranker sits on every buyer search, so each failure below reaches buyers within seconds and has to be handled without an engineer in the loop, day or night, across all regions.';
  const list = (...lines: string[]): string[] =>
    lintText(fixture('rules/red-flag-failure-modes/ok.md').replace(/## Failure modes\n[\s\S]*?\n(?=## )/, `## Failure modes\n${lead}\n\n${lines.join('\n')}\n\n`))
      .filter((f) => f.ruleId === RULE)
      .map((f) => f.message);
  const fallbacks = ['- Cache timeout → serve co-read items only.', '- Ranker down → series and author rules.', '- Whole service down → static editor picks.'];
  assert.deepEqual(list(...fallbacks, '- alerts on error rate > 1 % and empty-shelf rate'), []);
  // Without the alerts line none of them says how it is noticed.
  assert.match(list(...fallbacks).join('\n'), /None of the 3 failure modes says how it is detected/);
  // "Ranking timeouts." names a failure: it gives the bare failures beside it no signal.
  assert.deepEqual(list('- Sold items still listed.', '- Ranking service timeouts.', '- Poor photos pushing weak listings up.', '- Seller feed errors.').map((m) => m.slice(0, 28)), ['4 of the 4 failure modes ("S']);
});

test('red-flag-failure-modes: an answer after an arrow whose outcome names a failure word is still an answer ("→ keys carry the model version, so stale entries just miss")', () => {
  assert.deepEqual(withEntry('- Cache poisoned by a bad model → cache keys carry the model version, so stale entries just miss.'), []);
  // An arrow to what goes wrong next is still no answer.
  assert.equal(withEntry('- Cache poisoned by a bad model → stale entries are served, so users see old answers.').length, 1);
});

test('red-flag-failure-modes: a chain of arrows whose later step is the answer ("→ no decision → clerk queue") answers', () => {
  assert.deepEqual(withEntry('- Search finds nothing relevant → no decision → clerk queue.'), []);
  assert.equal(withEntry('- Search finds nothing relevant → no decision → nothing.').length, 1);
});

test('red-flag-failure-modes: readers\' thumbs-down are a signal, not a component down', () => {
  assert.deepEqual(withEntry('- Confident but wrong answer → thumbs-down and "report" go to the content team\'s queue, triaged within 2 working days.'), []);
  assert.equal(withEntry('- Confident but wrong answer → the index goes down.').length, 1);
});

test('red-flag-failure-modes: a chain of consequences is no answer; a very long chain is read without failing', () => {
  assert.equal(withEntry('- Feature store down → stale features → users get irrelevant recommendations.').length, 1);
  assert.equal(lintText(fixture('rules/red-flag-failure-modes/ok.md').replace('- Index shard loss: shard health check fails → serve from the replica, flag partial results.', `- Ranker timeout ${'->x'.repeat(10_000)}`)).filter((f) => f.ruleId === 'internal-error').length, 0);
});

test('red-flag-failure-modes: "→ no artifact is produced; the current model stays" is what the system does; "→ no fallback is planned" is not', () => {
  assert.deepEqual(withEntry('- Eval gate fails → no artifact is produced; the current model stays on the recorders and the ML lead gets the eval report.'), []);
  assert.equal(withEntry('- Eval gate fails → no fallback is planned.').length, 1);
});

test('red-flag-failure-modes: "→ no alert is sent" is a gap; "→ nothing is published; the current model stays" answers', () => {
  assert.equal(withEntry('- Nightly job fails → no alert is sent.').length, 1);
  assert.deepEqual(withEntry('- Eval gate fails → nothing is published; the current model stays on the recorders and the ML lead gets the eval report.'), []);
});
