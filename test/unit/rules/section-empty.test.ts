import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, lintFixture } from '../helpers.js';

test('section-empty: sections with content are not empty', () => {
  assert.deepEqual(lintFixture('rules/section-empty/ok.md', 'section-empty'), []);
});

test('section-empty: a heading with nothing under it, or only guidance, is empty', () => {
  const found = lintFixture('rules/section-empty/not-ok.md', 'section-empty');
  assert.deepEqual(
    found.map((f) => `${at(f)} ${f.section}`),
    ['8:1 warning problem', '11:1 warning requirements'],
  );
  assert.match(found[1]?.message ?? '', /Section "Requirements" is empty; expected functional requirements/);
});

test('section-empty: an empty section gets no section-content findings on top', () => {
  const content = lintFixture('rules/section-empty/not-ok.md', 'section-content');
  assert.deepEqual(content, []);
});
