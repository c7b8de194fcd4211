import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber, formatQuantity } from '../../../src/core/estimates/display.js';

test('display: numbers as snapshots write them: suffixes from a million, separators for thousands, four significant digits', () => {
  const cases: Array<[number, string]> = [
    [20_000_000, '20M'],
    [1_157_407.4, '1.157M'],
    [2_500_000_000, '2.5B'],
    [3.2e12, '3.2T'],
    [999_999.6, '1M'],
    [115_740.7, '115,741'],
    [2500, '2,500'],
    [453, '453'],
    [115.7407, '115.7'],
    [0.05, '0.05'],
    [0.000123, '0.000123'],
    [0.00001234, '1.234e-5'],
    [4.2e18, '4.2e18'],
    [0, '0'],
    [-1_500_000, '-1.5M'],
  ];
  assert.deepEqual(cases.map(([v]) => formatNumber(v)), cases.map(([, s]) => s));
});

test('display: costs get the dollar sign in front and "k" for thousands', () => {
  assert.equal(formatQuantity(290_200, 'USD'), '$290.2k');
  assert.equal(formatQuantity(12_480, 'USD / month'), '$12.48k/month');
  assert.equal(formatQuantity(2_400_000, 'USD'), '$2.4M');
  assert.equal(formatQuantity(0.5, 'USD'), '$0.5');
  assert.equal(formatQuantity(-3000, 'USD'), '-$3k');
  // A unit that only starts with the letters is not a currency.
  assert.equal(formatQuantity(3, 'USDT'), '3 USDT');
});

test('display: units as a snapshot writes them, without mathjs spacing', () => {
  assert.equal(formatQuantity(20_000_000, 'req / day'), '20M req/day');
  assert.equal(formatQuantity(115.74, 'req / s'), '115.7 req/s');
  assert.equal(formatQuantity(7, 'GB * s'), '7 GB·s');
  assert.equal(formatQuantity(453), '453');
  assert.equal(formatNumber(Number.POSITIVE_INFINITY), 'Infinity');
});
