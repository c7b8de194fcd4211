import * as l10n from '@vscode/l10n';
import type { SectionHeading } from '../model.js';
import type { Rule } from '../rule.js';

/** Indices of one longest strictly increasing subsequence of `xs`. */
function longestIncreasing(xs: number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array<number>(xs.length).fill(-1);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] ?? 0;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((xs[tails[mid] ?? 0] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] ?? -1;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = prev[i] ?? -1) keep.add(i);
  return keep;
}

export const sectionOrder: Rule = {
  id: 'section-order',
  description: 'In a document written as a snapshot, sections follow the order reviewers read them in: context, requirements, estimates, architecture…',
  severity: 'info',
  check(ctx) {
    // The order is the snapshot template's: a document that does not declare itself a snapshot (an RFC, an ADR,
    // a KEP linted by path) follows its own conventions, and saying otherwise is noise.
    if (!ctx.declared) return;
    const order = (h: SectionHeading): number => ctx.catalog.order(h.id ?? '');
    const known = ctx.parsed.headings.filter((h) => h.id && !h.duplicateOf && !h.partOf);
    const inOrder = longestIncreasing(known.map(order));
    known.forEach((h, i) => {
      if (inOrder.has(i)) return;
      const before = known.find((o, j) => j < i && inOrder.has(j) && order(o) > order(h));
      const after = [...known].reverse().find((o) => known.indexOf(o) > i && inOrder.has(known.indexOf(o)) && order(o) < order(h));
      const message = before
        ? l10n.t('Section "{0}" is out of order; expected it before "{1}".', h.text, before.text)
        : after
          ? l10n.t('Section "{0}" is out of order; expected it after "{1}".', h.text, after.text)
          : l10n.t('Section "{0}" is out of order; expected it in the canonical order.', h.text);
      ctx.report({ range: h.range, section: h.id, message });
    });
  },
};
