import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
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
