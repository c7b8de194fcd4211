import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, lintFixture } from '../helpers.js';

test('estimate-parse: a well-formed block passes', () => {
  assert.deepEqual(lintFixture('rules/estimate-parse/ok.md', 'estimate-parse'), []);
});

test('estimate-parse: an unknown name and a syntax error are reported; a line that only depends on a failed one is not', () => {
  const found = lintFixture('rules/estimate-parse/not-ok.md', 'estimate-parse');
  assert.deepEqual(found.map(at), ['11:1 warning', '13:1 warning']);
  assert.match(found[0]?.message ?? '', /"qps" cannot be read \(Undefined symbol per_user_rate\)/);
});
