import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { FIXTURES } from '../helpers.js';

const REVIEW = /^(?:red-flag-|topic-missing$|number-consistency$|diagram-text$)/;
const dir = `${FIXTURES}review/`;
const expected = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as Record<string, string[]>;

test('review set: realistic snapshots with planted flags and clean traps — at least 85 % of flags found, at most 2 false alarms', () => {
  let planted = 0;
  let found = 0;
  const misses: string[] = [];
  const alarms: string[] = [];
  for (const [file, want] of Object.entries(expected)) {
    const got = lintText(readFileSync(dir + file, 'utf8')).filter((f) => REVIEW.test(f.ruleId));
    const keys = got.map((f) => `${f.ruleId}${f.topic ? `[${f.topic}]` : ''}`);
    for (const w of want) {
      planted++;
      if (keys.includes(w)) found++;
      else misses.push(`${file}: ${w}`);
    }
    got.forEach((f, i) => {
      if (!want.includes(keys[i] ?? '')) alarms.push(`${file}:${f.range.start.line + 1} ${keys[i]}: ${f.message.slice(0, 90)}`);
    });
  }
  assert.ok(planted >= 25 && Object.keys(expected).length >= 20, 'the set stays large enough to measure');
  const recall = found / planted;
  console.log(`review set: ${found}/${planted} flags found (${Math.round(recall * 100)} %), ${alarms.length} false alarms`);
  assert.ok(recall >= 0.85, `found ${found}/${planted}; missed:\n${misses.join('\n')}`);
  assert.ok(alarms.length <= 2, `${alarms.length} false alarms:\n${alarms.join('\n')}`);
});
