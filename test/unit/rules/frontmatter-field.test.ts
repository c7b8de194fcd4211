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
  assert.match(found[0]?.message ?? '', /no title; expected a "# Title" heading, or a "title:" field/);
  assert.match(found[1]?.message ?? '', /"status" is "someday".*expected draft, review, approved or superseded, or a status word/);
});

test('frontmatter-field: no frontmatter needs no fields (title from the "# Title" heading, a draft); frontmatter without a title or heading is asked for one', () => {
  assert.deepEqual(lintText('# Just a title\n\nProse.\n').filter((f) => f.ruleId === 'frontmatter-field'), []);
  assert.deepEqual(lintText('## Context\n\nProse.\n').filter((f) => f.ruleId === 'frontmatter-field'), []);
  const found = lintText('---\npattern: rag\n---\n## Context\n\nProse.\n').filter((f) => f.ruleId === 'frontmatter-field');
  assert.deepEqual(found.map((f) => `${at(f)} ${f.message}`), ['1:1 warning The document has no title; expected a "# Title" heading, or a "title:" field in the frontmatter.']);
});

test('frontmatter-field: status words of ADRs, KEPs and RFCs are understood, and map onto stages', () => {
  const doc = (status: string): string => `---\ntitle: T\nstatus: ${status}\n---\n# T\n`;
  for (const [word, strict] of [['Accepted', true], ['implementable', true], ['Proposed', true], ['provisional', false], ['Superseded by ADR-0005', false], ['rejected', false], ['In Review', true], ['WIP', false]] as const) {
    const findings = lintText(doc(word));
    assert.ok(!findings.some((f) => f.ruleId === 'frontmatter-field'), `${word}: ${findings.map((f) => f.message).join('; ')}`);
    const missing = findings.filter((f) => f.ruleId === 'section-missing');
    assert.ok(missing.length > 0 && missing.every((f) => f.severity === (strict ? 'error' : 'warning')), `${word} → ${strict ? 'review or approved' : 'not strict'}`);
  }
});

test('frontmatter-field: an RFC template\'s "Feature Name:" is its title; a status word of its own is judged only in a declared snapshot', () => {
  const rfc = '---\nFeature Name: Vector Index\nDate: 2025-12-04\n---\n\n# Summary\n\nProse.\n';
  assert.deepEqual(lintText(rfc).filter((f) => f.ruleId === 'frontmatter-field'), []);
  const adr = (extra: string): string => `---\ntitle: Batch routing\nstatus: Decision record\n${extra}---\n# Batch routing\n`;
  assert.deepEqual(lintText(adr('')).filter((f) => f.ruleId === 'frontmatter-field'), []);
  const declared = lintText(adr('pattern: rag\n')).filter((f) => f.ruleId === 'frontmatter-field');
  assert.deepEqual(declared.map(at), ['3:9 warning']);
  assert.match(declared[0]?.message ?? '', /"status" is "Decision record"/);
});
