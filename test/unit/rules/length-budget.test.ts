import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, lintFixture } from '../helpers.js';

test('length-budget: a two-page snapshot is within budget', () => {
  assert.deepEqual(lintFixture('rules/length-budget/ok.md', 'length-budget'), []);
});

test('length-budget: reported as info at the section where the budget is passed', () => {
  const found = lintFixture('rules/length-budget/not-ok.md', 'length-budget');
  assert.deepEqual(found.map(at), ['89:1 info']);
  assert.match(found[0]?.message ?? '', /Prose is 1,803 words.*at most 1,500/);
});

test('length-budget: the budget is an option', () => {
  assert.equal(lintFixture('rules/length-budget/not-ok.md', 'length-budget', { lengthBudget: 2000 }).length, 0);
  assert.deepEqual(lintFixture('rules/length-budget/not-ok.md', 'length-budget', { lengthBudget: 1000 }).map(at), ['8:1 info']);
});
