import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { at, fixture, lintFixture } from '../helpers.js';

const RULE = 'number-consistency';

test('number-consistency: targets met with headroom, per-replica GPUs, growth, load tests, thresholds and alternatives pass', () => {
  assert.deepEqual(lintFixture('rules/number-consistency/ok.md', RULE), []);
});

test('number-consistency: users, cost, latency budget, peak rate and GPUs that disagree are reported at the later statement', () => {
  const found = lintFixture('rules/number-consistency/not-ok.md', RULE);
  assert.deepEqual(found.map(at), ['18:9 warning', '20:37 warning', '23:3 warning', '28:1 warning', '36:16 warning']);
  const [users, cost, latency, rate, gpus] = found.map((f) => f.message);
  assert.match(users ?? '', /user count \(dau\) disagrees across sections: "Capacity estimates" states "1M DAU", but "Context" states "2M DAU" \(line 9\)/);
  assert.match(cost ?? '', /"\$43,800\/month", above the limit "under \$20k\/month" set in "Requirements" \(line 15\)/);
  assert.match(latency ?? '', /latency budget \(3 stages adding up to 340 ms\), above the limit "p99 < 200 ms" set in "Requirements" \(line 13\)/);
  assert.match(rate ?? '', /peak = 580 req\/s, above the capacity "300 QPS"/);
  assert.match(gpus ?? '', /the diagram states "8× A100", but "Capacity estimates" states gpus = 24 GPU \(line 29\)/);
});

test('number-consistency: the tolerance is the estimate tolerance', () => {
  const text = fixture('rules/number-consistency/not-ok.md').replace('2M DAU', '1.1M DAU');
  assert.equal(lintText(text).filter((f) => f.ruleId === RULE && /user count/.test(f.message)).length, 0);
  assert.equal(lintText(text, { tolerance: 0.05 }).filter((f) => f.ruleId === RULE && /user count/.test(f.message)).length, 1);
});

test('number-consistency: a latency budget written as one calculation is compared too', () => {
  const text = fixture('rules/number-consistency/ok.md').replace('- Cost: 32 GPUs', '- Latency: 80 ms + 250 ms + 150 ms = 480 ms end to end at p99.\n- Cost: 32 GPUs');
  assert.deepEqual(lintText(text).filter((f) => f.ruleId === RULE).map(at), ['21:38 warning']);
});
