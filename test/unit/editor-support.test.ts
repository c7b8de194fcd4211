import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimateHeadline } from '../../src/core/index.js';
import { analyzeFile, memoryEngine } from './helpers.js';

const doc = (body: string): string => `---\ntitle: T\nstatus: draft\npattern: generic\n---\n# T\n\n## Capacity estimates\n${body}\n`;

test('editor support: an inline calculation that holds gets ✓ after its stated result, with the computation as detail', async () => {
  const text = doc('- Peak: 1M users × 10 req/day ÷ 86,400 s ≈ 115 QPS, at launch.');
  const { analysis } = await analyzeFile(memoryEngine(), '/ws/a.md', text);
  const [a, ...rest] = analysis.inlineAnnotations;
  assert.equal(rest.length, 0);
  assert.ok(a);
  const line = text.split('\n')[a.line] ?? '';
  assert.equal(line.slice(0, a.character), '- Peak: 1M users × 10 req/day ÷ 86,400 s ≈ 115 QPS');
  assert.equal(a.label, '✓');
  assert.equal(a.detail, '1M users × 10 req/day ÷ 86,400 s ≈ 116 QPS: the stated 115 QPS holds (within 10 %).');
  assert.deepEqual(a.inline, { holds: true });
  assert.equal(line.slice(a.range.start.character, a.range.end.character), '1M users × 10 req/day ÷ 86,400 s ≈ 115 QPS');
});

test('editor support: an inline calculation that does not hold shows what the arithmetic gives, written like the stated number', async () => {
  const text = doc('- Peak: 1M users × 10 req/day ÷ 86,400 s ≈ 150 QPS\n- Cost: $2/hr × 180 GPUs × 24 × 30 ≈ $200k/month\n- Vectors: 10M × 768 × 4 bytes ≈ 30.7 GB');
  const { analysis } = await analyzeFile(memoryEngine(), '/ws/b.md', text);
  assert.deepEqual(analysis.inlineAnnotations.map((a) => a.label), ['≈ 116 QPS', '≈ $259k/month', '✓']);
  assert.equal(analysis.inlineAnnotations[0]?.detail, '1M users × 10 req/day ÷ 86,400 s ≈ 116 QPS, not the stated 150 QPS (more than 10 % apart).');
});

test('editor support: estimate block values are written as snapshots write numbers', async () => {
  const text = doc('```estimate\nrequests = 20M req/day\npeak = requests * 3 to req/s\nbudget = 290200 USD\nusers = 115740\n```');
  const { analysis } = await analyzeFile(memoryEngine(), '/ws/c.md', text);
  assert.deepEqual(analysis.estimateAnnotations.map((a) => a.label), ['≈ 20M req/day', '≈ 694.4 req/s', '≈ $290.2k', '≈ 115,740']);
  assert.equal(analysis.estimateAnnotations[0]?.detail, 'requests = 20M req/day ≈ 20M req/day');
});

test('editor support: an estimate block\'s headline is its last three named values, as snapshots write them', async () => {
  const text = doc('```estimate\nusers = 1M\nper_user = 10 req/day\nqps = users * per_user to req/s\n2 * 3\ngpus = ceil(qps * 2.5 * 2500 tokens/req / (100 tokens/s/GPU * 16))\ncost = gpus * 2 USD/hr/GPU * 730 hr\nbroken = nope * 2\n```\n\n```estimate\n1 + 1\n```');
  const { analysis } = await analyzeFile(memoryEngine(), '/ws/d.md', text);
  const [first, second] = analysis.estimateBlocks;
  assert.ok(first && second);
  assert.equal(estimateHeadline(first), 'qps ≈ 115.7 req/s · gpus ≈ 453 GPU · cost ≈ $661.4k');
  assert.equal(estimateHeadline(first, 1), 'cost ≈ $661.4k');
  assert.equal(estimateHeadline(second), undefined, 'no named value, no headline');
});
