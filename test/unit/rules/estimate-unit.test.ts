import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, lintFixture } from '../helpers.js';

test('estimate-unit: compatible units and conversions pass', () => {
  assert.deepEqual(lintFixture('rules/estimate-unit/ok.md', 'estimate-unit'), []);
});

test('estimate-unit: adding TB to req/s is reported on its line, an error in review', () => {
  const found = lintFixture('rules/estimate-unit/not-ok.md', 'estimate-unit');
  assert.deepEqual(found.map((f) => `${at(f)}-${f.range.end.character + 1}`), ['12:1 error-23']);
  assert.match(found[0]?.message ?? '', /^"total" combines incompatible units/);
});
