import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { applyFix, at, fixture, lintFixture } from '../helpers.js';

test('estimate-mismatch: calculations that add up, conversions, prose and code pass', () => {
  assert.deepEqual(lintFixture('rules/estimate-mismatch/ok.md', 'estimate-mismatch'), []);
});

test('estimate-mismatch: each wrong result is reported at the stated number, saying what the arithmetic gives', () => {
  const found = lintFixture('rules/estimate-mismatch/not-ok.md', 'estimate-mismatch');
  assert.deepEqual(found.map(at), ['9:34 warning', '10:48 warning', '11:39 warning', '15:35 warning']);
  assert.equal(found[0]?.message, 'Estimate states 30.7 MB, but 10M × 768 × 4 bytes gives 30,720 MB; expected the stated result within 10 % of the arithmetic.');
  assert.match(found[2]?.message ?? '', /states \$2\.6M\/month, but \$2\/hr × 180 GPUs × 24 × 30 gives \$0\.26M\/month/);
});

test('estimate-mismatch: the fix writes the computed value the way the author wrote theirs, and then it holds', () => {
  let text = fixture('rules/estimate-mismatch/not-ok.md');
  for (let i = 0; i < 4; i++) {
    const f = lintText(text).find((x) => x.ruleId === 'estimate-mismatch');
    if (!f) break;
    text = applyFix(text, f);
  }
  assert.match(text, /≈ 30,720 MB in memory/);
  assert.match(text, /≈ 116 QPS/);
  assert.match(text, /≈ \$0\.26M\/month/);
  assert.match(text, /≈ 730 TB\/year/);
  assert.deepEqual(lintText(text).filter((x) => x.ruleId === 'estimate-mismatch'), []);
});

test('estimate-mismatch: the tolerance is an option', () => {
  const text = fixture('rules/estimate-mismatch/ok.md').replace('≈ 115 QPS', '≈ 130 QPS');
  assert.equal(lintText(text).filter((x) => x.ruleId === 'estimate-mismatch').length, 1);
  assert.equal(lintText(text, { tolerance: 0.15 }).filter((x) => x.ruleId === 'estimate-mismatch').length, 0);
});
