import type { DiagramBlock } from '../diagrams.js';
import type { EstimateBlock } from '../estimates/scan.js';
import type { ParsedSnapshot } from '../model.js';
import { scanNumbers } from '../numbers.js';
import { flowchartOf } from './diagram.js';
import { sentenceWords } from './words.js';
import { readSnapshot, type Block, type Clause, type Reading } from './reader.js';
import { reviewCache } from './caches.js';

/**
 * The quantities a snapshot states more than once (latency targets, request
 * rates, user counts, GPU counts, monthly cost), each with what it is about, so
 * the same quantity can be compared across sections. A number is taken only
 * when its kind is clear from its unit and its words; anything else is left out.
 */

export type Kind = 'latency' | 'ttft' | 'itl' | 'qps' | 'users' | 'gpus' | 'cost';

/** How a statement constrains its quantity: an upper bound (p99 < 200 ms), a lower bound (handle 300 QPS) or a value. */
export type Relation = 'max' | 'min' | 'eq';

export interface Statement {
  kind: Kind;
  /** What the quantity is about beyond its kind: "p99", "peak", "dau", "month"; "" when unqualified. */
  qualifier: string;
  /** In base units: milliseconds, requests per second, users, GPUs, dollars per month. */
  value: number;
  relation: Relation;
  /** Where it was found: a section id, a heading, or "diagram". */
  where: string;
  /** Section id used to tell sections apart ("" outside any). */
  section: string;
  /** True for a total of a latency budget (a sum of stages) rather than a stated target. */
  budget: boolean;
  /** The statement as written, for messages. */
  text: string;
  start: number;
  end: number;
}

/** Sections whose numbers are test conditions, thresholds or alternatives, not the design's quantities. */
const NOT_DESIGN = new Set(['evaluation', 'failure-modes', 'trade-offs', 'evolution', 'open-questions', 'monitoring']);

const LATENCY_WORDS = /\b(?:latency|latencies|response time|end[- ]to[- ]end|e2e|round[- ]trip|p\d{2,3}(?:\.\d)?|median|budget|time to first token|ttft|first token|inter[- ]token|tpot|per[- ]token)\b/;
const PERCENTILE = /\bp(\d{2,3}(?:\.\d)?)\b|\b(median)\b/;
const PEAK = /\b(?:peak|peaks|max(?:imum)?|busiest|burst|spike|worst case|at most)\b/;
const AVERAGE = /\b(?:average|avg|mean|typical|steady|baseline|normal)\b/;
const PER_UNIT = /\b(?:per|each|every)\s+(?:replica|node|pod|server|worker|instance|host|machine|shard|region|zone|model|tenant|request|user|batch|job|cluster|rack|box)\b|\breplica|\bnode\b|\bpod\b|\bworker|\bshard|\bhost\b|\bmachine/;
const GROWTH = /\b(?:by 20\d\d|in \d+ (?:months?|years?)|next year|year 2|grow|grows|growth|growing|later|eventually|future|projected|v2|long[- ]term)\b/;
const MAX_WORDS = /(?:<|≤|<=|\bunder|\bbelow|\bwithin|\bat most|\bless than|\bno more than|\bmax(?:imum)?|\bup to|\bcap(?:ped)?(?: at)?|\bceiling|\bbudget(?: of)?|\bbounded by|\bnot exceed)\s*(?:of\s*)?(?:p\d{2,3}\s*)?[$~≈]?\s*$/;
const MIN_WORDS = /(?:>|≥|>=|\bat least|\bmore than|\bover|\bmin(?:imum)?|\bhandle|\bhandles|\bsustain|\bsustains|\bsupport|\bsupports|\bserve|\bserves|\bscale to|\babove)\s*(?:of\s*)?[~≈]?\s*$/;
const GPU_MODEL = /(\d+)\s*(?:[×x*]\s*)?(?:nvidia\s+)?(a100|h100|h200|h20|b200|gb200|a10g?|l4|l40s?|t4|v100|mi300x?|tpu(?:\s*v\d\w*)?)s?\b/gi;

/** Every statement of a kind the rule compares, in document order. */
export function statements(parsed: ParsedSnapshot, blocks: readonly EstimateBlock[], diagrams: readonly DiagramBlock[]): Statement[] {
  const reading = readSnapshot(parsed);
  const out: Statement[] = [];
  const operands = operandOffsets(parsed);
  for (const [id, section] of Object.entries(parsed.model.sections)) {
    if (NOT_DESIGN.has(id)) continue;
    for (const n of section.numbers) {
      // Only the units of the quantities compared: times, rates, users, GPUs, money.
      if (!n.unitKind || n.unitKind === 'data' || n.unitKind === 'percent' || n.unitKind === 'factor' || (n.unitKind === 'count' && !/^(?:users?|dau|mau|gpus?)$/i.test(n.unit ?? ''))) continue;
      const start = parsed.lines.offsetAt(n.range.start);
      const end = parsed.lines.offsetAt(n.range.end);
      const clause = clauseAt(reading, start);
      if (!clause) continue;
      const s = classify(parsed, clause, id, n.value, n.unit ?? '', start, end, operands.has(start));
      if (s) out.push(s);
    }
  }
  out.push(...gpuModels(reading));
  out.push(...budgets(reading));
  out.push(...fromBlocks(parsed, blocks));
  out.push(...fromDiagrams(parsed, diagrams));
  return out.sort((a, b) => a.start - b.start);
}

/** Offsets of numbers that are operands of an inline calculation (only its stated result is a statement). */
function operandOffsets(parsed: ParsedSnapshot): Set<number> {
  const out = new Set<number>();
  const stated: number[] = [];
  for (const e of parsed.inlineEstimates) {
    for (const m of numbersIn(e.lineText.slice(e.check.exprStart, e.check.exprEnd))) out.add(e.lineStart + e.check.exprStart + m.start);
    stated.push(e.lineStart + e.check.stated.start);
  }
  // A stated result is a statement even when a later calculation chains from it ("≈ 112 GPUs; 112 ÷ 0.7 = 160 GPUs").
  for (const s of stated) {
    out.delete(s);
    out.delete(s - 1);
  }
  return out;
}

const scanned = reviewCache<string, ReturnType<typeof scanNumbers>>(2048);

/** The numbers of a short text (an expression, a diagram label), scanned once per text. */
function numbersIn(text: string): ReturnType<typeof scanNumbers> {
  let hit = scanned.get(text);
  if (!hit) {
    hit = scanNumbers(text);
    scanned.set(text, hit);
  }
  return hit;
}

function clauseAt(reading: Reading, offset: number): Clause | undefined {
  // Clauses are in document order: the last one starting at or before the offset, if the offset is inside it.
  const cs = reading.clauses;
  let lo = 0;
  let hi = cs.length - 1;
  let found: Clause | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = cs[mid] as Clause;
    if (c.start <= offset) {
      found = c;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && offset <= found.end ? found : undefined;
}

/** The words a number is about: its clause, and the label before a colon that opens its sentence ("Peak: …"). */
function contextOf(clause: Clause): { near: string; label: string } {
  const s = clause.sentence;
  const label = s.clauses[0] && s.clauses[0] !== clause ? s.clauses[0].lower : '';
  return { near: clause.lower, label: label.length < 40 ? label : '' };
}

const TTFT = /\b(?:time to first token|ttft|first token)\b/;
const ITL = /\b(?:inter[- ]token|tpot|per[- ]token)\b/;

/** Time to first token and inter-token latency are quantities of their own; the clause names one, else its label ("TTFT: p99 < 500 ms"). */
function latencyKind(words: string): Kind | undefined {
  return TTFT.test(words) ? 'ttft' : ITL.test(words) ? 'itl' : undefined;
}

function timeMs(unit: string): number | undefined {
  const u = unit.toLowerCase();
  if (u === 'ms') return 1;
  if (u === 's' || u === 'sec' || u === 'secs' || u === 'second' || u === 'seconds') return 1000;
  if (u === 'us' || u === 'µs') return 0.001;
  if (u === 'min' || u === 'mins' || u === 'minute' || u === 'minutes') return 60_000;
  return undefined;
}

function perSecond(unit: string): number | undefined {
  const u = unit.toLowerCase();
  if (/^(?:qps|rps|tps)$/.test(u)) return 1;
  const m = /^(?:req|reqs|request|requests|query|queries|call|calls|transaction|transactions|txn|txns|event|events|message|messages)\/(s|sec|second|min|minute)$/.exec(u);
  if (!m) return undefined;
  return m[1]?.startsWith('m') ? 1 / 60 : 1;
}

function relationBefore(before: string, kind: Kind, requirement: boolean, near: string): Relation {
  if (MAX_WORDS.test(before)) return 'max';
  if (MIN_WORDS.test(before)) return 'min';
  if (!requirement) return 'eq';
  if (/\b(?:expect|expected|estimated?|about|around|roughly|approximately)\b|[~≈]/.test(near)) return 'eq';
  if (kind === 'latency' || kind === 'ttft' || kind === 'itl') return 'max';
  if (kind === 'qps') return 'min';
  if (kind === 'cost' && /\b(?:budget|ceiling|cap|limit|under|at most|no more)\b/.test(near)) return 'max';
  return 'eq';
}

/** What a number in a clause is, by the clause's words and the number's place in it: unchanged clauses are not read again. */
const classified = reviewCache<string, Omit<Statement, 'start' | 'end' | 'text'> & { lead: number } | null>(4096);

function classify(parsed: ParsedSnapshot, clause: Clause, section: string, value: number, unit: string, start: number, end: number, operand: boolean): Statement | undefined {
  const s = clause.sentence;
  const key = `${section}\u0000${operand ? 1 : 0}\u0000${start - clause.start}\u0000${end - clause.start}\u0000${unit}\u0000${value}\u0000${s.clauses[0] === clause ? '' : s.clauses[0]?.lower}\u0000${clause.lower}\u0000${parsed.text.slice(end, end + 16)}`;
  const hit = classified.get(key);
  if (hit === null) return undefined;
  if (hit) {
    const { lead, ...rest } = hit;
    return { ...rest, start, end, text: parsed.text.slice(start - lead, end) };
  }
  const fresh = classifyAfresh(parsed, clause, section, value, unit, start, end, operand);
  classified.set(key, fresh ? { ...fresh, lead: start - (end - fresh.text.length) } : null);
  return fresh;
}

function classifyAfresh(parsed: ParsedSnapshot, clause: Clause, section: string, value: number, unit: string, start: number, end: number, operand: boolean): Statement | undefined {
  const { near, label } = contextOf(clause);
  const words = `${label} ${near}`;
  const before = parsed.text.slice(Math.max(clause.start, start - 24), start).toLowerCase();
  const requirement = section === 'requirements';
  // "p99 < 200 ms" reads better in a message than "200 ms".
  const lead = /(?:p\d{2,3}(?:\.\d)?\s*)?(?:<=|>=|[<>≤≥]|under|below|within|at most|at least|up to)?\s*$/i.exec(parsed.text.slice(Math.max(clause.start, start - 16), start));
  const text = `${(lead?.[0] ?? '').trimStart()}${parsed.text.slice(start, end)}`;
  const base = { where: section, section, budget: false, text, start, end };
  const ms = timeMs(unit);
  if (ms !== undefined) {
    if (operand || !LATENCY_WORDS.test(words)) return undefined;
    // "timeout after 2 s", "for 5 min", "every 30 s": durations, not latencies.
    if (/\b(?:timeout|time out|for|every|after|window|ttl|age|lag|old|within \d+ (?:min|h))\s*$/.test(before) || /\b(?:freshness|fresh|stale|ttl|retention|lag|interval|cadence|window|heartbeat|warm-?up|cold start|load time|ready)\b/.test(near)) return undefined;
    const kind = latencyKind(near) ?? latencyKind(label) ?? 'latency';
    const p = PERCENTILE.exec(near) ?? PERCENTILE.exec(label);
    const qualifier = p ? (p[2] ? 'p50' : `p${p[1]}`) : AVERAGE.test(near) ? 'avg' : '';
    const budget = /\bbudget\b/.test(words) && !requirement;
    return { ...base, kind, qualifier, value: value * ms, relation: budget ? 'eq' : relationBefore(before, kind, requirement, near), budget };
  }
  const rate = perSecond(unit);
  if (rate !== undefined) {
    if (operand) return undefined;
    const qualifier = PEAK.test(near) ? 'peak' : AVERAGE.test(near) ? 'avg' : PEAK.test(label) ? 'peak' : AVERAGE.test(label) ? 'avg' : '';
    if (PER_UNIT.test(near) || GROWTH.test(near)) return undefined;
    return { ...base, kind: 'qps', qualifier, value: value * rate, relation: relationBefore(before, 'qps', requirement, near) };
  }
  const u = unit.toLowerCase();
  if (/^(?:users?|dau|mau)$/.test(u)) {
    // Users are compared even as operands: the estimate's input should be the requirement's user count.
    if (GROWTH.test(near) || /\/|per\s+user/.test(parsed.text.slice(end, end + 6))) return undefined;
    const qualifier = u === 'dau' || /\bdaily active\b/.test(near) ? 'dau' : u === 'mau' || /\bmonthly active\b/.test(near) ? 'mau' : /\bconcurrent\b/.test(near) ? 'concurrent' : '';
    return { ...base, kind: 'users', qualifier, value, relation: 'eq' };
  }
  if (/^gpus?$/.test(u)) {
    if (operand || PER_UNIT.test(near) || GROWTH.test(near) || /\bper\s+gpu\b|\/gpu/.test(parsed.text.slice(end, end + 10).toLowerCase())) return undefined;
    return { ...base, kind: 'gpus', qualifier: '', value, relation: relationBefore(before, 'gpus', requirement, near) };
  }
  if (u.startsWith('$') || u === 'usd' || u === 'dollars') {
    if (operand) return undefined;
    const after = parsed.text.slice(end, end + 16).toLowerCase();
    const period = /^\/?(?:month|mo)\b/.test(u.replace(/^\$/, '').replace(/^\//, '')) || /^\s*(?:\/|per|a)\s*(?:month|mo)\b|^\s*monthly\b/.test(after) || /\/month|\bper month|\ba month|\bmonthly\b/.test(near) ? 'month' : /\/(?:year|yr)\b/.test(u) || /^\s*(?:\/|per|a)\s*(?:year|yr)\b|^\s*(?:annually|yearly)\b/.test(after) ? 'year' : '';
    if (!period) return undefined;
    if (/\bper\s+(?:request|query|task|user|token|1k|1m|million|thousand|call|page|document|gpu)\b/.test(near.slice(Math.max(0, start - clause.start)))) return undefined;
    return { ...base, kind: 'cost', qualifier: 'month', value: period === 'year' ? value / 12 : value, relation: relationBefore(before, 'cost', requirement, near) };
  }
  return undefined;
}

/** GPU counts written with the GPU's model in prose ("a pool of 32 H100s", "8× A100"). */
const GPU_WORDS = new Set(['a100', 'h100', 'h200', 'h20', 'b200', 'gb200', 'a10', 'a10g', 'l4', 'l40', 'l40s', 't4', 'v100', 'mi300', 'mi300x', 'tpu', 'a100s', 'h100s', 'h200s', 'v100s', 't4s']);

function gpuModels(reading: Reading): Statement[] {
  const out: Statement[] = [];
  // A GPU's model is one word of some sentence; most snapshots name none.
  if (!sentenceWords(reading).some((ts) => ts.w.some((w) => GPU_WORDS.has(w)))) return out;
  for (const c of reading.clauses) {
    const section = c.sentence.block.section;
    if (!section || NOT_DESIGN.has(section) || PER_UNIT.test(c.lower) || GROWTH.test(c.lower)) continue;
    GPU_MODEL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = GPU_MODEL.exec(c.text))) {
      const start = c.start + m.index;
      out.push({ kind: 'gpus', qualifier: '', value: Number(m[1]), relation: 'eq', where: section, section, budget: false, text: m[0], start, end: start + m[0].length });
    }
  }
  return out;
}

/** Latency budgets written as a list or table of stages without a total: their sum is a statement. */
function budgets(reading: Reading): Statement[] {
  const out: Statement[] = [];
  const groups = new Map<string, Block[]>();
  for (const b of reading.blocks) {
    if (b.kind !== 'item' && b.kind !== 'row') continue;
    if (b.section && NOT_DESIGN.has(b.section)) continue;
    const context = `${b.leadIn} ${b.subheading} ${b.columns?.join(' ') ?? ''}`;
    if (!/\blatency budget|\bbudget\b/.test(context) || !/\b(?:latency|budget|ms)\b/.test(context)) continue;
    const key = `${b.section ?? ''}\u0000${b.leadIn}\u0000${b.subheading}\u0000${b.columns?.join('|') ?? ''}`;
    const g = groups.get(key) ?? [];
    g.push(b);
    groups.set(key, g);
  }
  for (const [, group] of groups) {
    if (group.length < 2 || group.some((b) => /\b(?:parallel|concurrent|concurrently|overlap|overlaps|async)\b/.test(b.text.toLowerCase()))) continue;
    let sum = 0;
    let total: number | undefined;
    let ok = true;
    for (const b of group) {
      const ms = scanNumbers(b.text).filter((m) => m.unit && timeMs(m.unit) !== undefined);
      if (ms.length !== 1) {
        ok = false;
        break;
      }
      const v = (ms[0]?.value ?? 0) * (timeMs(ms[0]?.unit ?? '') ?? 0);
      if (/\btotal\b|\bend[- ]to[- ]end\b|\bsum\b/.test(b.text.toLowerCase())) total = v;
      else sum += v;
    }
    if (!ok || total !== undefined) continue;
    const first = group[0] as Block;
    const last = group[group.length - 1] as Block;
    const context = `${first.leadIn} ${first.subheading}`;
    const p = PERCENTILE.exec(context);
    out.push({
      kind: 'latency',
      qualifier: p ? (p[2] ? 'p50' : `p${p[1]}`) : '',
      value: sum,
      relation: 'eq',
      where: first.section ?? '',
      section: first.section ?? '',
      budget: true,
      text: `the latency budget (${group.length} stages adding up to ${Math.round(sum)} ms)`,
      start: first.start,
      end: last.end,
    });
  }
  return out;
}

/** Values of estimate-block lines whose name and unit say what they are. */
function fromBlocks(parsed: ParsedSnapshot, blocks: readonly EstimateBlock[]): Statement[] {
  const out: Statement[] = [];
  const headings = [...parsed.headings].sort((a, b) => a.start - b.start);
  for (const b of blocks) {
    const offset = parsed.lines.offsetAt(b.range.start);
    const h = headings.filter((x) => x.start <= offset).pop();
    const section = h ? (h.duplicateOf?.id ?? h.id ?? h.text) : '';
    if (NOT_DESIGN.has(section)) continue;
    const last = new Map<string, Statement>();
    for (const l of b.lines) {
      if (!l.name || !l.display || l.error) continue;
      const m = /^(-?[\d.]+(?:e[+-]?\d+)?)\s*(.*)$/i.exec(l.display);
      if (!m) continue;
      const value = Number(m[1]);
      const unit = (m[2] ?? '').trim();
      const name = l.name.toLowerCase();
      const lineNo = b.contentLine + l.line;
      const start = parsed.lines.lineStart(lineNo) + l.start;
      const base = { where: section, section, budget: false, text: `${l.name} = ${l.display}`, start, end: start + (l.end - l.start) };
      let s: Statement | undefined;
      if (/^gpus?$/i.test(unit) && /gpu/.test(name) && !/per|each|node|replica/.test(name)) s = { ...base, kind: 'gpus', qualifier: '', value, relation: 'eq' };
      else if (/^req\/s$/.test(unit) && !/per/.test(name)) s = { ...base, kind: 'qps', qualifier: /peak|max/.test(name) ? 'peak' : /avg|average|mean/.test(name) ? 'avg' : '', value, relation: 'eq' };
      else if (/^(?:users?)$/.test(unit) && !/per/.test(name)) s = { ...base, kind: 'users', qualifier: /dau|daily/.test(name) ? 'dau' : /mau|monthly/.test(name) ? 'mau' : '', value, relation: 'eq' };
      else if (/^USD(?:\/month)?$/.test(unit) && (/month|monthly|\bmo\b/.test(name) || unit === 'USD/month')) s = { ...base, kind: 'cost', qualifier: 'month', value, relation: 'eq' };
      else if (/^(?:ms|s)$/.test(unit) && /latency|p\d\d|ttft|total|e2e|end_to_end|budget/.test(name)) {
        const p = /p(\d{2,3})/.exec(name);
        s = { ...base, kind: /ttft/.test(name) ? 'ttft' : 'latency', qualifier: p ? `p${p[1]}` : '', value: value * (unit === 's' ? 1000 : 1), relation: 'eq', budget: true };
      }
      if (s) last.set(`${s.kind}\u0000${s.qualifier}`, s);
    }
    out.push(...last.values());
  }
  return out;
}

/** GPU counts, rates and latencies written on a diagram's labels. */
function fromDiagrams(parsed: ParsedSnapshot, diagrams: readonly DiagramBlock[]): Statement[] {
  const out: Statement[] = [];
  for (const d of diagrams) {
    const chart = flowchartOf(d);
    for (const label of chart.labels) {
      const lower = label.text.toLowerCase();
      if (PER_UNIT.test(lower)) continue;
      const lineStart = parsed.lines.lineStart(d.contentLine + label.line) + label.start;
      const base = { where: 'diagram', section: 'diagram', budget: false, start: lineStart, end: lineStart + (label.end - label.start) };
      GPU_MODEL.lastIndex = 0;
      const gpu = GPU_MODEL.exec(label.text);
      if (gpu) {
        out.push({ ...base, kind: 'gpus', qualifier: '', value: Number(gpu[1]), relation: 'eq', text: `"${gpu[0]}"` });
        continue;
      }
      for (const n of numbersIn(label.text)) {
        if (!n.unit) continue;
        const text = `"${label.text.slice(n.start, n.end)}"`;
        if (/^gpus?$/i.test(n.unit)) out.push({ ...base, kind: 'gpus', qualifier: '', value: n.value, relation: 'eq', text });
        const rate = perSecond(n.unit);
        if (rate !== undefined) out.push({ ...base, kind: 'qps', qualifier: PEAK.test(lower) ? 'peak' : AVERAGE.test(lower) ? 'avg' : '', value: n.value * rate, relation: 'eq', text });
      }
    }
  }
  return out;
}
