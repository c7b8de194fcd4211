import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { applyFix, at, fixture, lintFixture } from '../helpers.js';

test('section-missing: a complete snapshot has none', () => {
  assert.deepEqual(lintFixture('rules/section-missing/ok.md', 'section-missing'), []);
});

test('section-missing: every missing section is reported where it belongs, as a warning in a draft', () => {
  const found = lintFixture('rules/section-missing/not-ok.md', 'section-missing');
  assert.deepEqual(
    found.map((f) => `${at(f)} ${f.section}`),
    [
      '6:1 warning problem', // no preceding section: at the title
      '10:1 warning estimates', // after the last line of Requirements
      '16:1 warning data-model', // after the Architecture diagram's closing fence
      '16:1 warning failure-modes',
      '19:1 warning trade-offs', // after Evaluation
    ],
  );
  assert.match(found[0]?.message ?? '', /Missing section "Context".*"## Context".*also accepted: Problem, Problem statement, Problem definition, Problem formulation and \d+ more\)/);
});

test('section-missing: errors once the snapshot is in review, with the GenAI condition from the schema', () => {
  const found = lintFixture('rules/section-missing/review.md', 'section-missing');
  assert.ok(found.every((f) => f.severity === 'error'));
  const safety = found.find((f) => f.section === 'safety');
  assert.ok(safety, 'safety is required for pattern rag');
  assert.match(safety.message, /required for GenAI patterns/);
  assert.equal(found.length, 8);
});

test('section-missing: safety is not required for a non-GenAI pattern', () => {
  const text = fixture('rules/section-missing/review.md').replace('pattern: rag', 'pattern: recsys');
  assert.equal(lintText(text).filter((f) => f.section === 'safety').length, 0);
});

test('section-missing: the fix inserts the heading and stub, and the section is then present', () => {
  const text = fixture('rules/section-missing/not-ok.md');
  const missing = lintText(text).find((f) => f.ruleId === 'section-missing' && f.section === 'estimates');
  assert.ok(missing?.fix);
  const fixed = applyFix(text, missing);
  assert.match(fixed, /- p99 < 50 ms at 5,000 TPS\.\n\n## Capacity estimates\n\n<!-- Guidance:[^\n]*-->\n\n## Architecture/);
  assert.ok(!lintText(fixed).some((f) => f.ruleId === 'section-missing' && f.section === 'estimates'));
});

test('section-missing: headings match case-insensitively, with numbering and aliases', () => {
  const text = fixture('rules/section-missing/ok.md')
    .replace('## Context', '## 1. PROBLEM STATEMENT:')
    .replace('## Capacity estimates', '## Back of the envelope estimates')
    .replace('## Data and model design', '## Data & Model');
  assert.deepEqual(lintText(text).filter((f) => f.ruleId === 'section-missing'), []);
});
