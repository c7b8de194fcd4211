import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { EstimateEvaluator } from '../../../src/core/estimates/block.js';

const evaluator = new EstimateEvaluator();
const evaluateBlock = (content: string) => evaluator.evaluate(content);

const ISSUE_BLOCK = `users = 1M
per_user = 10 req/day
qps = users * per_user to req/s
peak_qps = qps * 2.5
token_rate = peak_qps * 2500 tokens/req
gpus = ceil(token_rate / (100 tokens/s/GPU * 16))`;

test('estimate block: the issue example evaluates top to bottom with units', () => {
  const lines = evaluateBlock(ISSUE_BLOCK);
  assert.deepEqual(
    lines.map((l) => `${l.name} = ${l.display}`),
    ['users = 1000000', 'per_user = 10 req/day', 'qps = 115.7 req/s', 'peak_qps = 289.4 req/s', 'token_rate = 723400 tokens/s', 'gpus = 453 GPU'],
  );
  assert.ok(lines.every((l) => !l.error));
});

test('estimate block: suffixes, separators, dollars, percent and binary units', () => {
  const lines = evaluateBlock('a = 1,500 * 2k\nb = $2/hr * 730 hr\nc = 30 KiB to KB\nd = 10% * 200\ne = 2M * 1,024 * 4 bytes to GB\nf = 5,000 QPS * 1 day to req');
  assert.deepEqual(lines.map((l) => l.display), ['3000000', '1460 USD', '30.72 kB', '20', '8.192 GB', '432000000 req']);
});

test('estimate block: a unit mismatch, an unknown name and a syntax error are reported on their lines; independent lines go on', () => {
  const lines = evaluateBlock('a = 2 GB + 3 req/s\nb = a * 2\nc = nope * 2\nd = 3 * * 4\n\n# a comment\ne = 6 * 7');
  assert.deepEqual(
    lines.map((l) => [l.line, l.name, l.error?.kind ?? (l.dependsOnFailed ? `after ${l.dependsOnFailed}` : l.display)]),
    [
      [0, 'a', 'unit'],
      [1, 'b', 'after a'], // depends on the failed line: not reported twice
      [2, 'c', 'parse'],
      [3, 'd', 'parse'],
      [6, 'e', '42'],
    ],
  );
});

test('property: the block evaluator never throws on arbitrary text', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('x = 1M', 'y = x * 2 GB', 'z = y to TB', 'w = ceil(', 'import("fs")', 'a = 1 req/s + 1 GB')), { maxLength: 12 }), (lines) => {
      for (const l of evaluateBlock(lines.join('\n'))) assert.ok(l.line >= 0);
    }),
    { numRuns: 300 },
  );
});
