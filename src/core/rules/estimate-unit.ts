import { blockErrorRule } from './estimate-parse.js';

export const estimateUnit = blockErrorRule(
  'estimate-unit',
  'Each line of an ```estimate block combines compatible units (no GB added to req/s).',
  'unit',
);
