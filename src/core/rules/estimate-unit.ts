import { estimateBlocks } from '../estimates/scan.js';
import type { Rule } from '../rule.js';
import { reportBlockErrors } from './estimate-parse.js';

export const estimateUnit: Rule = {
  id: 'estimate-unit',
  description: 'Each line of an ```estimate block combines compatible units (no GB added to req/s).',
  severity: 'stage',
  check(ctx) {
    if (!ctx.options.estimates) return;
    reportBlockErrors(ctx, estimateBlocks(ctx.parsed.tree, ctx.parsed.lines, ctx.parsed.shift), 'unit');
  },
};
