import * as l10n from '@vscode/l10n';
import type { Analysis } from '../analysis.js';
import type { Finding } from '../finding.js';
import { readSnapshot } from './reader.js';
import { isGenAI, patternOf } from './context.js';
import { LATENCY } from './vocabulary.js';

/**
 * The reviewer's view of a snapshot: one line per dimension a review covers
 * (requirements, estimates, architecture, data and model, failure modes,
 * evaluation, safety, cost and latency, trade-offs), each covered, thin or
 * missing, with the findings behind it. Computed from an Analysis and its
 * findings; nothing is parsed again.
 */

export type DimensionId = 'requirements' | 'estimates' | 'architecture' | 'data-model' | 'failure-modes' | 'evaluation' | 'safety' | 'cost-latency' | 'trade-offs';

/** "not-applicable" is for safety in a pattern that does not need a safety section and has none. */
export type Coverage = 'covered' | 'thin' | 'missing' | 'not-applicable';

export interface Dimension {
  id: DimensionId;
  title: string;
  status: Coverage;
  /** Why the status is what it is, in a few words. */
  reason: string;
  /** The canonical sections the dimension reads. */
  sections: string[];
  findings: Finding[];
}

export interface Scorecard {
  title: string;
  pattern?: string;
  stage?: string;
  dimensions: Dimension[];
  summary: { covered: number; thin: number; missing: number };
}

/** The dimensions; titles are functions, as the language is chosen after the module loads. */
const DIMENSIONS: ReadonlyArray<{ id: DimensionId; title: () => string; sections: string[] }> = [
  { id: 'requirements', title: () => l10n.t('Requirements'), sections: ['requirements'] },
  { id: 'estimates', title: () => l10n.t('Estimates'), sections: ['estimates'] },
  { id: 'architecture', title: () => l10n.t('Architecture'), sections: ['architecture'] },
  { id: 'data-model', title: () => l10n.t('Data and model'), sections: ['data-model'] },
  { id: 'failure-modes', title: () => l10n.t('Failure modes'), sections: ['failure-modes'] },
  { id: 'evaluation', title: () => l10n.t('Evaluation'), sections: ['evaluation', 'monitoring'] },
  { id: 'safety', title: () => l10n.t('Safety'), sections: ['safety'] },
  { id: 'cost-latency', title: () => l10n.t('Cost and latency'), sections: ['cost'] },
  { id: 'trade-offs', title: () => l10n.t('Trade-offs'), sections: ['trade-offs'] },
];

/** "1 finding", "3 findings". */
const findingCount = (n: number): string => (n === 1 ? l10n.t('{0} finding', n) : l10n.t('{0} findings', n));

/** Rules whose findings belong to a dimension whatever section they sit in. */
const BY_RULE: Readonly<Record<string, DimensionId>> = {
  'red-flag-grounding': 'safety',
  'red-flag-safety': 'safety',
  'red-flag-eval-plan': 'evaluation',
  'red-flag-fine-tune-first': 'data-model',
  'red-flag-cost-latency': 'cost-latency',
  'red-flag-failure-modes': 'failure-modes',
  'number-consistency': 'estimates',
  'diagram-text': 'architecture',
  'mermaid-syntax': 'architecture',
  'estimate-mismatch': 'estimates',
  'estimate-unit': 'estimates',
  'estimate-parse': 'estimates',
};

/** Findings that say nothing about a dimension's coverage. */
const IGNORED = new Set(['section-order', 'section-duplicate', 'length-budget', 'frontmatter-invalid', 'frontmatter-field', 'internal-error']);

function dimensionOfSection(section: string | undefined): DimensionId | undefined {
  if (!section) return undefined;
  return DIMENSIONS.find((d) => d.sections.includes(section))?.id;
}

/** The canonical section a finding without one sits in, from its line. */
function sectionAt(analysis: Analysis, f: Finding): string | undefined {
  if (f.section) return f.section;
  const offset = analysis.lines.offsetAt(f.range.start);
  const h = analysis.parsed.headings.filter((x) => x.start <= offset).sort((a, b) => a.start - b.start).pop();
  return h ? (h.duplicateOf?.id ?? h.id) : undefined;
}

/** The scorecard of an analysed snapshot; `findings` defaults to the analysis's synchronous findings. */
export function scorecard(analysis: Analysis, findings: readonly Finding[] = analysis.findings): Scorecard {
  const parsed = analysis.parsed;
  const reading = readSnapshot(parsed);
  const pattern = patternOf(parsed);
  const byDimension = new Map<DimensionId, Finding[]>();
  for (const f of findings) {
    if (IGNORED.has(f.ruleId)) continue;
    const id = BY_RULE[f.ruleId] ?? dimensionOfSection(sectionAt(analysis, f));
    if (!id) continue;
    const list = byDimension.get(id) ?? [];
    list.push(f);
    byDimension.set(id, list);
  }
  // A section is there when it holds something of the author's: prose, a list, a table or a diagram.
  const present = (id: string): boolean => {
    const s = parsed.model.sections[id];
    return !!s && (reading.written.has(id) || s.code.length > 0 || s.tables.length > 0);
  };
  const dimensions = DIMENSIONS.map((d): Dimension => {
    const found = byDimension.get(d.id) ?? [];
    const base = { id: d.id, title: d.title(), sections: d.sections, findings: found };
    if (d.id === 'cost-latency') return { ...base, ...costLatency(analysis, found, present('cost')) };
    const has = d.sections.filter(present);
    if (!has.length) {
      if (d.id === 'safety' && !isGenAI(pattern) && !analysis.requiredSections.includes('safety')) return { ...base, status: 'not-applicable', reason: l10n.t('not required for this pattern') };
      const unfinished = d.sections.some((s) => reading.unfinished.has(s));
      return { ...base, status: 'missing', reason: unfinished ? l10n.t('only template guidance so far') : l10n.t('no section') };
    }
    if (has.some((s) => reading.unfinished.has(s))) return { ...base, status: 'thin', reason: l10n.t('template guidance or placeholders left') };
    if (found.length) return { ...base, status: 'thin', reason: findingCount(found.length) };
    return { ...base, status: 'covered', reason: l10n.t('no findings') };
  });
  const count = (s: Coverage): number => dimensions.filter((d) => d.status === s).length;
  const stage = analysis.stage;
  return {
    title: analysis.title,
    ...(pattern ? { pattern } : {}),
    ...(stage ? { stage } : {}),
    dimensions,
    summary: { covered: count('covered'), thin: count('thin'), missing: count('missing') },
  };
}

/** Cost and latency are read from the whole document: numbers with a currency, latency targets, and the cost red flag. */
function costLatency(analysis: Analysis, found: Finding[], costSection: boolean): Pick<Dimension, 'status' | 'reason'> {
  const sections = Object.values(analysis.parsed.model.sections);
  const cost = costSection || sections.some((s) => s.numbers.some((n) => n.unitKind === 'currency')) || analysis.estimateBlocks.some((b) => b.lines.some((l) => /USD/.test(l.display ?? '')));
  const latency = (analysis.parsed.model.sections.requirements?.numbers ?? []).some((n) => n.unitKind === 'time') && LATENCY.mentions(readSnapshot(analysis.parsed)).some((m) => m.section === 'requirements' && m.polarity !== 'negated');
  if (!cost && !latency) return { status: 'missing', reason: l10n.t('no cost figure and no latency target') };
  if (found.length) return { status: 'thin', reason: findingCount(found.length) };
  if (!cost) return { status: 'thin', reason: l10n.t('a latency target but no cost figure') };
  if (!latency) return { status: 'thin', reason: l10n.t('a cost figure but no latency target') };
  return { status: 'covered', reason: l10n.t('cost figures and latency targets') };
}
