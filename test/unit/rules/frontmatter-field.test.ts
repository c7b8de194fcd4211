import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { at, lintFixture } from '../helpers.js';

test('frontmatter-field: well-formed fields pass', () => {
  assert.deepEqual(lintFixture('rules/frontmatter-field/ok.md', 'frontmatter-field'), []);
});

test('frontmatter-field: missing and mistyped fields, each at its value', () => {
  const found = lintFixture('rules/frontmatter-field/not-ok.md', 'frontmatter-field');
  assert.deepEqual(found.map(at), ['1:1 warning', '2:9 warning', '3:10 warning', '4:10 warning', '5:10 warning']);
  assert.match(found[0]?.message ?? '', /no "title" field/);
  assert.match(found[1]?.message ?? '', /"status" is "finished".*expected one of draft, review, approved, superseded/);
});

test('frontmatter-field: a document without frontmatter is told what to add', () => {
  const found = lintText('# Just a title\n').filter((f) => f.ruleId === 'frontmatter-field');
  assert.deepEqual(found.map((f) => `${at(f)} ${/"(\w+)" field/.exec(f.message)?.[1]}`), ['1:1 warning title', '1:1 warning status']);
});
