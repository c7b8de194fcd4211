import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { at, fixture, lintFixture } from '../helpers.js';

test('section-content: a complete snapshot meets every content requirement', () => {
  assert.deepEqual(lintFixture('rules/section-content/ok.md', 'section-content'), []);
});

test('section-content: each unmet requirement is reported at the part of the section it concerns', () => {
  const found = lintFixture('rules/section-content/not-ok.md', 'section-content');
  assert.deepEqual(
    found.map((f) => `${at(f)} ${f.section} ${/^Section "[^"]+" (.*?);/.exec(f.message)?.[1]}`),
    [
      '8:1 error requirements has no functional requirements',
      '8:1 error requirements has no non-functional target with a number and a unit',
      '11:1 error estimates has no calculation',
      '14:1 error architecture has no architecture diagram',
      '17:1 error failure-modes lists fewer than 3 failure modes',
      '18:1 error failure-modes has a table without a Detection column', // at the table
      '18:1 error failure-modes has a table without a Mitigation column',
      '22:1 error evaluation does not cover offline evaluation',
      '22:1 error evaluation does not cover online evaluation',
    ],
  );
});

test('section-content: warnings, not errors, while the snapshot is a draft; "off" silences the rule', () => {
  const text = fixture('rules/section-content/not-ok.md');
  const inReview = lintText(text).filter((f) => f.ruleId === 'section-content');
  const draft = lintText(text.replace('status: review', 'status: draft')).filter((f) => f.ruleId === 'section-content');
  assert.equal(draft.length, inReview.length);
  assert.ok(inReview.every((f) => f.severity === 'error'));
  assert.ok(draft.every((f) => f.severity === 'warning'));
  assert.equal(lintText(text, { severity: { 'section-content': 'off' } }).filter((f) => f.ruleId === 'section-content').length, 0);
});

test('section-content: a labelled, annotated or ground-truth set is offline evaluation', () => {
  const rfc = (evaluation: string): string => [
    '# Parameter server training', '', '## Goal', '', 'Train with one client at 99.9 % availability.', '',
    '## Evaluation', '', evaluation, '',
  ].join('\n');
  const plain = lintText(rfc('We compare it with the current strategy in production.')).filter((f) => f.ruleId === 'section-content');
  assert.deepEqual(plain.map((f) => `${at(f)} ${f.message.slice(0, 60)}`), ['7:1 warning Section "Evaluation" does not cover offline evaluation; expe']);
  for (const set of ['a versioned, labeled set', 'an annotated set of 2,000 claims', 'ground-truth answers']) {
    const found = lintText(rfc(`Each version is scored on ${set} (precision and recall per class); we compare it with the current strategy in production.`));
    assert.deepEqual(found.filter((f) => f.ruleId === 'section-content'), [], set);
  }
});
