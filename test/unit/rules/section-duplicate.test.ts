import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, lintFixture } from '../helpers.js';

test('section-duplicate: each section once passes', () => {
  assert.deepEqual(lintFixture('rules/section-duplicate/ok.md', 'section-duplicate'), []);
});

test('section-duplicate: an alias of a present section is a repeat', () => {
  const found = lintFixture('rules/section-duplicate/not-ok.md', 'section-duplicate');
  assert.deepEqual(found.map(at), ['14:1 warning']);
  assert.match(found[0]?.message ?? '', /"Problem statement" repeats "Context" \(line 8\)/);
});
