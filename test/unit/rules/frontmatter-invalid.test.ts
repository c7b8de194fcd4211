import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { at, fixture, lintFixture } from '../helpers.js';

test('frontmatter-invalid: valid YAML passes', () => {
  assert.deepEqual(lintFixture('rules/frontmatter-invalid/ok.md', 'frontmatter-invalid'), []);
});

test('frontmatter-invalid: broken YAML is one finding at the error line, and the body is still linted', () => {
  const all = lintText(fixture('rules/frontmatter-invalid/not-ok.md'));
  const found = all.filter((f) => f.ruleId === 'frontmatter-invalid');
  assert.deepEqual(found.map(at), ['4:1 error']);
  assert.match(found[0]?.message ?? '', /not valid YAML: Flow sequence/);
  assert.ok(all.some((f) => f.ruleId === 'section-missing' && f.section === 'requirements'), 'the body is linted');
  assert.ok(!all.some((f) => f.ruleId === 'frontmatter-field'), 'fields of unreadable YAML are not judged');
});

test('frontmatter-invalid: frontmatter that is not a mapping', () => {
  assert.deepEqual(lintFixture('rules/frontmatter-invalid/not-mapping.md', 'frontmatter-invalid').map(at), ['1:1 error']);
});
