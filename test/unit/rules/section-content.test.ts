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

test('section-content: an RFC is judged on its own sections, not on a subsection that shares a section\'s name', () => {
  const rfc = (level: string): string => [
    '# Parameter server training', '', '## Goal', '', 'Train with one client at 99.9 % availability.', '',
    '## Overview', '', 'The client schedules functions on workers.', '',
    `${level} Evaluation`, '', 'The trainer runs a sidecar evaluator that reads checkpoints; we compare it with the current strategy in production.', '',
  ].join('\n');
  assert.deepEqual(lintText(rfc('###')).filter((f) => f.ruleId === 'section-content'), []);
  const found = lintText(rfc('##')).filter((f) => f.ruleId === 'section-content').map((f) => `${at(f)} ${f.message.slice(0, 60)}`);
  assert.deepEqual(found, ['11:1 warning Section "Evaluation" does not cover offline evaluation; expe']);
  const labelled = rfc('##').replace('we compare it', 'each version is scored on a versioned, labeled set (precision and recall per class), and we compare it');
  assert.deepEqual(lintText(labelled).filter((f) => f.ruleId === 'section-content'), []);
});
