import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../../src/core/index.js';
import { at, fixture, lintFixture } from '../helpers.js';

const RULE = 'red-flag-cost-latency';

test('red-flag-cost-latency: routing to a small model and a response cache pass ("cost is not unlimited" is not the flag)', () => {
  assert.deepEqual(lintFixture('rules/red-flag-cost-latency/ok.md', RULE), []);
});

test('red-flag-cost-latency: no tokens, cost, caching, routing or latency budget anywhere', () => {
  const found = lintFixture('rules/red-flag-cost-latency/not-ok.md', RULE);
  assert.deepEqual(found.map(at), ['15:1 info']);
  assert.equal(found[0]?.section, 'estimates');
  assert.match(found[0]?.message ?? '', /no token budget, no cost per request or month, no caching and no routing to smaller models, and no latency budget;/);
});

test('red-flag-cost-latency: "cost is not a concern" is reported where it is written', () => {
  const found = lintFixture('rules/red-flag-cost-latency/not-ok-unlimited.md', RULE);
  assert.deepEqual(found.map(at), ['17:3 info']);
  assert.match(found[0]?.message ?? '', /treats model calls as unlimited \("Cost is not a concern at this stage/);
});

test('red-flag-cost-latency: a cost per month in the estimates is enough', () => {
  const text = fixture('rules/red-flag-cost-latency/not-ok.md').replace('- Index: 40,000 contracts × 80 chunks ≈ 3.2M chunks.', '- Cost: 18,000 questions/day × 30 days × $0.04 ≈ $21,600/month.');
  assert.deepEqual(lintText(text).filter((f) => f.ruleId === RULE), []);
});

test('red-flag-cost-latency: a refund cap in dollars, a volume per month and escalation to a human are no budget', () => {
  const text = fixture('rules/red-flag-cost-latency/ok.md').replace(/Cost is not unlimited:[^\n]*/, 'Refunds are capped at $150 per order; unclear questions are escalated to a human. The firm handles 400 matters/month.');
  assert.equal(lintText(text).filter((f) => f.ruleId === 'red-flag-cost-latency').length, 1);
  const priced = text.replace('The firm handles 400 matters/month.', 'The firm handles 400 matters/month at about $0.02 per question.');
  assert.deepEqual(lintText(priced).filter((f) => f.ruleId === 'red-flag-cost-latency'), []);
});

test('red-flag-cost-latency: "the largest model for every step" is reported where it is written; the largest model for the hard questions only is routing', () => {
  const base = fixture('rules/red-flag-cost-latency/ok.md');
  const routing = base.split('\n').find((l) => l.startsWith('Cost is not unlimited:')) ?? '';
  const largest = lintText(base.replace(routing, 'Model choice: we use the largest GPT model available on our subscription for every step, including the query rewrite, so quality is never the bottleneck.')).filter((f) => f.ruleId === RULE);
  assert.deepEqual(largest.map(at), ['26:1 info']);
  assert.match(largest[0]?.message ?? '', /treats model calls as unlimited \("Model choice: we use the largest GPT model/);
  assert.deepEqual(lintText(base.replace(routing, 'Short questions go to a small model; the largest model is kept for every hard multi-clause question.')).filter((f) => f.ruleId === RULE), []);
});
