import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, lintFixture } from '../helpers.js';

test('section-order: sections in the canonical order pass', () => {
  assert.deepEqual(lintFixture('rules/section-order/ok.md', 'section-order'), []);
});

test('section-order: only the section out of place is reported, as info', () => {
  const found = lintFixture('rules/section-order/not-ok.md', 'section-order');
  assert.deepEqual(found.map(at), ['11:1 info']);
  assert.match(found[0]?.message ?? '', /Section "Architecture" is out of order; expected it after "Requirements"/);
});
