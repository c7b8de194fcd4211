import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { applyFix, at, fixture, lintFixture } from '../helpers.js';

test('placeholder-left: comparisons, links, HTML tags, code and own comments are not placeholders', () => {
  assert.deepEqual(lintFixture('rules/placeholder-left/ok.md', 'placeholder-left'), []);
});

test('placeholder-left: variables, guidance, markers and TODO/TBD, each at its position', () => {
  const found = lintFixture('rules/placeholder-left/not-ok.md', 'placeholder-left');
  assert.deepEqual(
    found.map((f) => `${at(f)} ${/^(.*?) is still/.exec(f.message)?.[1]}`),
    [
      '2:9 warning Template variable {{title}}',
      '9:1 warning Template guidance', // the guidance comment has its own message
      '10:8 warning Placeholder <number of users>',
      '10:33 warning Marker "TODO"',
      '13:23 warning Marker "TBD"',
      '13:34 warning Placeholder <…>',
    ],
  );
  assert.match(found[1]?.message ?? '', /^Template guidance is still in the text/);
});

test('placeholder-left: the guidance fix removes the comment and its line', () => {
  const text = fixture('rules/placeholder-left/not-ok.md');
  const guidance = lintText(text).find((f) => f.ruleId === 'placeholder-left' && f.fix);
  assert.ok(guidance);
  const fixed = applyFix(text, guidance);
  assert.ok(fixed.includes('## Context\nServes <number of users>'));
  assert.equal(lintText(fixed).filter((f) => f.ruleId === 'placeholder-left' && f.fix).length, 0);
});

test('placeholder-left: errors once in review', () => {
  const text = fixture('rules/placeholder-left/not-ok.md').replace('status: draft', 'status: review');
  assert.ok(lintText(text).filter((f) => f.ruleId === 'placeholder-left').every((f) => f.severity === 'error'));
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
  const text = '# X\n\nFill <TBD> here, {{TODO}} there, and <summary of the system> below.\n\n| Field | Value |\n| --- | --- |\n| Owner | TBD |\n';
  const found = lintText(text).filter((f) => f.ruleId === 'placeholder-left');
  assert.deepEqual(found.map((f) => `${at(f)} ${f.message.split(' is ')[0]}`), [
    '3:6 warning Placeholder <TBD>',
    '3:18 warning Template variable {{TODO}}',
    '3:38 warning Placeholder <summary of the system>',
    '7:11 warning Marker "TBD"',
  ]);
});
