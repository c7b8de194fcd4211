import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { at, fixture, lintFixture } from '../helpers.js';

const RULE = 'diagram-text';

test('diagram-text: every box is described and every named component drawn; a component ruled out stays out', () => {
  assert.deepEqual(lintFixture('rules/diagram-text/ok.md', RULE), []);
});

test('diagram-text: a box the text never mentions, and components the text names but the diagram lacks (information only)', () => {
  const found = lintFixture('rules/diagram-text/not-ok.md', RULE);
  assert.deepEqual(found.map(at), ['22:20 info', '24:182 info', '24:207 info']);
  assert.match(found[0]?.message ?? '', /draws "Audit ledger", but the text never mentions it/);
  assert.match(found[1]?.message ?? '', /names "Redis", but the diagram does not draw it/);
  assert.equal(lintText(fixture('rules/diagram-text/not-ok.md').replace('status: review', 'status: approved')).find((f) => f.ruleId === RULE)?.severity, 'info');
});

test('diagram-text: a diagram with little or no text around it is not compared', () => {
  const text = fixture('rules/diagram-text/not-ok.md').replace(/\nThe scoring service reads[^\n]*\n/, '\nScores every payment.\n');
  assert.deepEqual(lintText(text).filter((f) => f.ruleId === RULE), []);
});
