import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { applyFix, at, fixture, lintFixture } from '../helpers.js';

test('placeholder-left: comparisons, links, HTML tags, code and own comments are not placeholders', () => {
  assert.deepEqual(lintFixture('rules/placeholder-left/ok.md', 'placeholder-left'), []);
});

const inReview = (text: string): string => text.replace('status: draft', 'status: review');

test('placeholder-left: in a draft, one information for the whole document, with the count and the first location', () => {
  const found = lintFixture('rules/placeholder-left/not-ok.md', 'placeholder-left');
  assert.deepEqual(found.map((f) => `${at(f)} ${f.message}`), [
    '2:9 info Template text is still in the document: 1 guidance comment, 2 placeholders, 2 TODO/TBD markers and 1 template variable, the first at line 2; expected your own content in their place before review.',
  ]);
  assert.equal(found[0]?.fix?.title, 'Remove all template guidance');
});

test('placeholder-left: from review on, variables, guidance, markers and TODO/TBD are errors, each at its position', () => {
  const found = lintText(inReview(fixture('rules/placeholder-left/not-ok.md'))).filter((f) => f.ruleId === 'placeholder-left');
  assert.deepEqual(
    found.map((f) => `${at(f)} ${/^(.*?) is still/.exec(f.message)?.[1]}`),
    [
      '2:9 error Template variable {{title}}',
      '9:1 error Template guidance', // the guidance comment has its own message
      '10:8 error Placeholder <number of users>',
      '10:33 error Marker "TODO"',
      '13:23 error Marker "TBD"',
      '13:34 error Placeholder <…>',
    ],
  );
  assert.match(found[1]?.message ?? '', /^Template guidance is still in the text; expected your own content/);
});

test('placeholder-left: in review, the guidance fix removes the comment and its line', () => {
  const text = inReview(fixture('rules/placeholder-left/not-ok.md'));
  const guidance = lintText(text).find((f) => f.ruleId === 'placeholder-left' && f.fix);
  assert.ok(guidance);
  assert.equal(guidance.fix?.title, 'Remove template guidance');
  const fixed = applyFix(text, guidance);
  assert.ok(fixed.includes('## Context\nServes <number of users>'));
  assert.equal(lintText(fixed).filter((f) => f.ruleId === 'placeholder-left' && f.fix).length, 0);
});

test('placeholder-left: "Remove all template guidance" removes every guidance comment, multi-line ones included, and keeps the rest', () => {
  const text = [
    '---', 'status: draft', 'pattern: generic', '---', '# T', '', '## Context',
    '<!-- Guidance: who uses this,',
    '     and what problem it solves. -->',
    'Serves <number of users> users.', '', '## Requirements',
    'Own text <!-- Guidance: inline --> stays.',
    '<!-- my own note -->', '',
  ].join('\n');
  const [summary, ...rest] = lintText(text).filter((f) => f.ruleId === 'placeholder-left');
  assert.equal(rest.length, 0);
  assert.ok(summary);
  // A comment over two lines is marked at its opening only, not squiggled as a block.
  assert.deepEqual([summary.range.start, summary.range.end], [{ line: 7, character: 0 }, { line: 7, character: '<!-- Guidance'.length }]);
  assert.match(summary.message, /2 guidance comments and 1 placeholder, the first at line 8/);
  const fixed = applyFix(text, summary);
  assert.equal(fixed, text.replace('<!-- Guidance: who uses this,\n     and what problem it solves. -->\n', '').replace('<!-- Guidance: inline -->', ''));
  // What is left is a placeholder to fill in: still one finding, without a fix now.
  const after = lintText(fixed).filter((f) => f.ruleId === 'placeholder-left');
  assert.deepEqual(after.map((f) => [f.message.replace(/: .*? the first/, ': … the first'), !!f.fix]), [['Template text is still in the document: … the first at line 8; expected your own content in their place before review.', false]]);
});

test('placeholder-left: a configured severity applies to the draft\'s single finding; "off" silences it', () => {
  const text = fixture('rules/placeholder-left/not-ok.md');
  assert.deepEqual(lintText(text, { severity: { 'placeholder-left': 'warning' } }).filter((f) => f.ruleId === 'placeholder-left').map((f) => f.severity), ['warning']);
  assert.deepEqual(lintText(text, { severity: { 'placeholder-left': 'off' } }).filter((f) => f.ruleId === 'placeholder-left'), []);
});

test('placeholder-left: tuples, types, name patterns and HTML with loose attributes are not placeholders', () => {
  const text = [
    '# Ads ranking',
    '',
    'We score <user, ad> pairs and <query, doc, label> triples; the cache is a Map<K, V> of List<T>, generic in <T>.',
    'Tools are named dapr.mcp.<server-name>.ListTools and served at /v1/<tenant>/tools.',
    "<img src='arch.png', width='700'> and <img src=\"flow.png\" width = \"400\" />",
    '',
  ].join('\n');
  assert.deepEqual(lintText(text).filter((f) => f.ruleId === 'placeholder-left'), []);
});

test('placeholder-left: one finding per placeholder, never one inside another', () => {
  const text = '---\nstatus: review\n---\n# X\n\nFill <TBD> here, {{TODO}} there, and <summary of the system> below.\n\n| Field | Value |\n| --- | --- |\n| Owner | TBD |\n';
  const found = lintText(text).filter((f) => f.ruleId === 'placeholder-left');
  assert.deepEqual(found.map((f) => `${at(f)} ${f.message.split(' is ')[0]}`), [
    '6:6 error Placeholder <TBD>',
    '6:18 error Template variable {{TODO}}',
    '6:38 error Placeholder <summary of the system>',
    '10:11 error Marker "TBD"',
  ]);
});

test('placeholder-left: a plan item\'s status is not a leftover; a document\'s own TODOs are called what they are', () => {
  const plan = '# Rollout\n\n**Phase 1:** Orchestrated request flow\n\n**Phase 2 (TODO):** Testing & Documentation\n\n- Milestone 3 (TBD): GA\n';
  assert.deepEqual(lintText(plan).filter((f) => f.ruleId === 'placeholder-left'), []);
  const own = lintText('# Rollout\n\nThe cache size is TBD until the load test.\n\n(TODO: also prevent requires_grad.)\n').filter((f) => f.ruleId === 'placeholder-left');
  assert.deepEqual(own.map((f) => `${at(f)} ${f.message}`), ['3:19 info 2 TODO/TBD markers still in the document, the first at line 3; expected each resolved, or written as an open question, before review.']);
});
