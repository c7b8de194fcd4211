import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { analyzeFile, at, fixture, lintFixture, memoryEngine } from '../helpers.js';

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

test('length-budget: an RFC or ADR linted by path is not held to a snapshot budget unless the team chose one', async () => {
  const undeclared = fixture('rules/length-budget/not-ok.md').replace('pattern: generic\n', '');
  assert.deepEqual(lintText(undeclared).filter((f) => f.ruleId === 'length-budget'), []);
  assert.deepEqual(lintText(undeclared, { lengthBudget: 1500 }).filter((f) => f.ruleId === 'length-budget').map(at), ['88:1 info']);
  const chosen = memoryEngine({ '/ws/.design-snapshot/config.json': JSON.stringify({ lengthBudget: 1500 }) });
  const { findings } = await analyzeFile(chosen, '/ws/docs/design/rfc.md', undeclared);
  assert.deepEqual(findings.filter((f) => f.ruleId === 'length-budget').map(at), ['88:1 info']);
  const { findings: byDefault } = await analyzeFile(memoryEngine(), '/ws/docs/design/rfc.md', undeclared);
  assert.deepEqual(byDefault.filter((f) => f.ruleId === 'length-budget'), []);
});
