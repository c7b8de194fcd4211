import * as l10n from '@vscode/l10n';
import type { ParsedSnapshot } from '../model.js';
import { statements, type Kind, type Statement } from '../review/quantities.js';
import { tooLong } from '../review/context.js';
import { readSnapshot } from '../review/reader.js';
import type { Rule } from '../rule.js';

/** How many numeric statements a document's consistency check reads. */
export const MAX_STATEMENTS = 400;

/** What a quantity of each kind is called in a message (a function: the language is chosen after the module loads). */
const NAMES: Record<Kind, () => string> = {
  latency: () => l10n.t('latency'),
  ttft: () => l10n.t('time to first token'),
  itl: () => l10n.t('inter-token latency'),
  qps: () => l10n.t('request rate'),
  users: () => l10n.t('user count'),
  gpus: () => l10n.t('GPU count'),
  cost: () => l10n.t('monthly cost'),
  volume: () => l10n.t('volume'),
};

/** A statement as a message shows it: the author's words quoted, the engine's own summary of a table as it is. */
function fmt(s: Statement): string {
  return s.summary || s.text.startsWith('"') || s.text.startsWith('the ') || s.text.includes(' = ') ? s.text : `"${s.text}"`;
}

function whereOf(parsed: ParsedSnapshot, s: Statement): string {
  if (s.where === 'diagram') return l10n.t('the diagram');
  const h = parsed.headings.find((x) => (x.duplicateOf?.id ?? x.id) === s.section && !x.duplicateOf) ?? parsed.headings.find((x) => x.text === s.section);
  return h ? `"${h.text}"` : l10n.t('the text');
}

/** A capacity stated with headroom over the estimate, or for growth: it may be far above today's figure. */
const HEADROOM = /headroom|buffer|margin|growth|future|\b\d+(?:\.\d+)?\s*[x×]\b/i;

/** How two statements of one quantity disagree, beyond the tolerance; undefined when they agree. */
function conflict(a: Statement, b: Statement, tol: number): string | undefined {
  const over = (x: number, bound: number): boolean => x > bound * (1 + tol);
  // One side a bound, the other a value: the value must respect the bound.
  if (a.relation === 'max' && b.relation === 'eq') return over(b.value, a.value) ? 'exceeds' : undefined;
  if (b.relation === 'max' && a.relation === 'eq') return over(a.value, b.value) ? 'exceeds' : undefined;
  // A capacity to sustain: an estimate above it exceeds it; one far below it sized the system for less than required.
  if (a.relation === 'min' && b.relation === 'eq') return over(b.value, a.value) ? 'exceeds' : over(a.value, b.value) && !HEADROOM.test(a.text) ? 'differs' : undefined;
  if (b.relation === 'min' && a.relation === 'eq') return over(a.value, b.value) ? 'exceeds' : over(b.value, a.value) && !HEADROOM.test(b.text) ? 'differs' : undefined;
  // "Peak load: up to 120 QPS" in the requirements against a system "sized for a 60 QPS peak": sized for less than the
  // load it is told to expect. (An estimate below the "up to" is within it.)
  for (const [load, built] of [[a, b], [b, a]] as const) {
    if (load.kind === 'qps' && load.section === 'requirements' && load.relation === 'max' && built.relation === 'min' && over(load.value, built.value)) return 'differs';
  }
  if (a.relation !== b.relation && a.relation !== 'eq' && b.relation !== 'eq') return undefined;
  // Two capacities: a requirement to sustain and what is provisioned. More than required is headroom; less is a gap.
  if (a.relation === 'min' && b.relation === 'min') {
    const [req, built] = a.section === 'requirements' ? [a, b] : b.section === 'requirements' ? [b, a] : [undefined, undefined];
    return req && built && over(req.value, built.value) && !HEADROOM.test(req.text) ? 'differs' : undefined;
  }
  const hi = Math.max(a.value, b.value);
  const lo = Math.min(a.value, b.value);
  return lo <= 0 || hi > lo * (1 + tol) ? 'differs' : undefined;
}

/** True when the two statements are about the same quantity. */
function comparable(a: Statement, b: Statement, requirementsOf: (k: Kind) => Statement[]): boolean {
  // Another part of the system or another moment (one region, reads, what passes the cache, year 3) is another quantity.
  if (a.kind !== b.kind || a.section === b.section || a.scope !== b.scope) return false;
  // "16 A100s" to train and "6 × L4" to serve are two fleets: GPUs of two named models are not one count.
  if (a.model && b.model && a.model !== b.model) return false;
  // Volumes count one thing: "login attempts" and "logins" do, "listings" and "questions" do not.
  if (a.kind === 'volume' && !(a.nouns ?? []).some((w) => (b.nouns ?? []).includes(w))) return false;
  // "180,000 comments per day" and "300 comments/s", "2,000 alerts in an hour": a day's count and a rate of the moment
  // are the same quantity only when the rate is said to be the average.
  // How many at once is no rate: "450 concurrent conversations" compares only with another count of them at once.
  if (a.kind === 'volume' && (a.per === 'concurrent' || b.per === 'concurrent')) return a.per === b.per && a.qualifier === b.qualifier;
  if (a.kind === 'volume' && a.per !== b.per) {
    const [short, long] = a.per === 'short' ? [a, b] : [b, a];
    // A day's count is an average when it is turned into a rate.
    return short.qualifier === 'avg' && (long.qualifier === '' || long.qualifier === 'avg');
  }
  if (a.qualifier === b.qualifier) return true;
  // A latency budget without a percentile answers to the loosest target of its kind.
  if (b.budget && !b.qualifier && a.section === 'requirements') {
    const targets = requirementsOf(a.kind).filter((t) => t.relation === 'max');
    return targets.length > 0 && a.value === Math.max(...targets.map((t) => t.value));
  }
  return false;
}

export const numberConsistency: Rule = {
  id: 'number-consistency',
  description: 'The same quantity (latency target, request rate, users, GPUs, monthly cost) agrees across requirements, estimates, architecture text and diagram labels, within the estimate tolerance.',
  severity: 'review',
  check(ctx) {
    const { parsed, options } = ctx;
    if (tooLong(ctx)) return;
    // A section still holding template guidance or placeholders has the template's example numbers, not the author's.
    const unfinished = readSnapshot(parsed).unfinished;
    const all = statements(parsed, ctx.estimateBlocks(), ctx.diagrams()).filter((s) => !unfinished.has(s.section));
    if (all.length < 2) return;
    // Within a section an estimate refines its figure line by line; the last one is the section's.
    const kept: Statement[] = [];
    const lastOf = new Map<string, Statement>();
    for (const s of all) {
      if (s.relation === 'eq' && s.section !== 'requirements') lastOf.set(`${s.section}\u0000${s.kind}\u0000${s.qualifier}\u0000${s.scope}\u0000${s.budget}\u0000${s.nouns?.join(' ') ?? ''}\u0000${s.model ?? ''}`, s);
      else kept.push(s);
    }
    kept.push(...lastOf.values());
    kept.sort((a, b) => a.start - b.start);
    // Each statement is compared with the earlier ones: the first MAX_STATEMENTS are read (a real snapshot states a
    // few dozen figures; thousands are generated text, and comparing them all is quadratic).
    if (kept.length > MAX_STATEMENTS) kept.length = MAX_STATEMENTS;
    const requirementsOf = (k: Kind): Statement[] => kept.filter((s) => s.kind === k && s.section === 'requirements');
    // One finding per line and quantity (p50 and p99 are two): "3 pods give 120 calls/s" after "sizing for the 90 calls/s peak" is one slip.
    const said = new Set<string>();
    for (const [i, b] of kept.entries()) {
      let earlier = kept.slice(0, i).filter((a) => comparable(a, b, requirementsOf));
      // A figure that names no level ("600 msg/s × 2 %") and agrees with a figure stated with one ("average 600 msg/s")
      // is that figure: it is read as the reading that holds.
      if (earlier.length && !b.qualifier && kept.slice(0, i).some((a) => a.qualifier && comparable({ ...a, qualifier: '' }, b, requirementsOf) && !conflict(a, b, options.tolerance))) continue;
      // A budget for one part ("Latency budget (ranking stage)") answers to the target that names that part.
      if (b.budget && b.about?.length) {
        const named = earlier.filter((a) => a.about?.some((w) => b.about?.includes(w)));
        if (named.length) earlier = named;
      }
      if (!earlier.length) continue;
      // One earlier statement agreeing is enough (two p99 targets, one for reads and one for writes).
      const clashes = earlier.map((a) => ({ a, how: conflict(a, b, options.tolerance) }));
      if (clashes.some((c) => !c.how)) continue;
      const first = clashes[0];
      if (!first?.how) continue;
      const a = first.a;
      const at = `${b.start >= 0 ? parsed.lines.positionAt(b.start).line : b.start}\u0000${b.kind}\u0000${b.qualifier}`;
      if (said.has(at)) continue;
      said.add(at);
      const line = a.start >= 0 ? parsed.lines.positionAt(a.start).line + 1 : 0;
      // The qualifier ("p99", "peak") and the statements are the document's; the phrases around them are translated.
      const name = `${NAMES[b.kind]()}${b.qualifier && b.qualifier !== 'month' ? ` (${b.qualifier})` : ''}`;
      const subject = b.budget && b.summary ? fmt(b) : l10n.t('{0} states {1}', whereOf(parsed, b), fmt(b));
      const versus =
        first.how === 'differs'
          ? l10n.t('but {0} states {1} (line {2})', whereOf(parsed, a), fmt(a), line)
          : a.relation === 'max' || b.relation === 'max'
            ? l10n.t('above the limit {0} set in {1} (line {2})', fmt(a), whereOf(parsed, a), line)
            : a.relation === 'min'
              ? l10n.t('above the capacity {0} in {1} (line {2})', fmt(a), whereOf(parsed, a), line)
              : l10n.t('above the value {0} in {1} (line {2})', fmt(a), whereOf(parsed, a), line);
      ctx.report({
        range: parsed.lines.range(b.start, b.end),
        ...(b.section && b.section !== 'diagram' && parsed.model.sections[b.section] ? { section: b.section } : {}),
        message: l10n.t('The {0} disagrees across sections: {1}, {2}; expected the same quantity to agree within {3} % wherever it is stated, or the difference explained.', name, subject, versus, Math.round(options.tolerance * 100)),
      });
    }
  },
};
