import * as l10n from '@vscode/l10n';
import type { DiagramBlock } from '../diagrams.js';
import type { EstimateBlock } from '../estimates/scan.js';
import type { ParsedSnapshot } from '../model.js';
import { scanNumbers } from '../numbers.js';
import { flowchartOf } from './diagram.js';
import { sentenceWords } from './words.js';
import { patternOf } from './context.js';
import { readSnapshot, type Block, type Clause, type Reading, type Sentence } from './reader.js';
import { reviewCache } from './caches.js';

/**
 * The quantities a snapshot states more than once (latency targets, request
 * rates, user counts, GPU counts, monthly cost), each with what it is about, so
 * the same quantity can be compared across sections. A number is taken only
 * when its kind is clear from its unit and its words; anything else is left out.
 */

export type Kind = 'latency' | 'ttft' | 'itl' | 'qps' | 'users' | 'gpus' | 'cost' | 'volume';

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
  /**
   * What part of the system or which moment the quantity is about, beyond its qualifier: "region" (one region, not
   * the whole), "read" or "write" traffic, "cache" (what passes a cache), "part" (one cost item of several), a
   * horizon ("y3"); "" for the whole system as designed. Statements of different scopes are different quantities.
   */
  scope: string;
  /** True for a total of a latency budget (a sum of stages) rather than a stated target. */
  budget: boolean;
  /** For a volume ("9,000 login attempts/s", "60 RFPs/month"): the words of what is counted, singular. */
  nouns?: string[];
  /** For a GPU count with its model named ("8× H100", a diagram's "4 x A100"): the model ("h100"). */
  model?: string;
  /** For a volume: counted per second, minute or hour ("short": a rate, often the peak) or per day or longer ("long"). */
  /** A volume's period: a second to an hour ('short'), a day or longer ('long'), or none: how many at once ('concurrent'). */
  per?: 'short' | 'long' | 'concurrent';
  /** Distinctive words of what the figure is about ("ranking" in "the ranking stage must stay within p99 120 ms"). */
  about?: string[];
  /** The statement as written, for messages. */
  text: string;
  /** True when `text` is the engine's own summary of a table (translated), not the author's words. */
  summary?: boolean;
  start: number;
  end: number;
}

/** A clause that weighs another option: its figures may be the option's. */
const ALTERNATIVE = /\b(?:would|could|might|instead|alternatives?|options?|rather|if|vs\.?|versus|compared|than|self-host\w*|hosted|cheaper|dearer|more expensive|considered|rejected)\b/;
/** A trade-off's opening choice, "GBDT over a graph neural net:": what the sentence goes on to measure may be the option not taken. */
const CHOICE = /\b\w+\s+over\s+(?![~≈$€£]?\d|time\b|the (?:years?|months?|weeks?|days?)\b)\w/;

/** A trade-offs clause that weighs another option, in itself or by its sentence's opening choice. */
function weighsAlternative(c: Clause): boolean {
  const lead = c.sentence.clauses[0];
  // "LLM on everything: simpler, but ~11× the calls (~$15k/month)": a multiple of the design's, the option's figure.
  return ALTERNATIVE.test(c.lower) || MULTIPLE.test(c.lower) || (!!lead && CHOICE.test(lead.lower));
}
const MULTIPLE = /\d\s*[×x]\s+(?:the|our|as many|as much|more)\b/;

/** Sections whose numbers are test conditions, thresholds or alternatives, not the design's quantities. */
const NOT_DESIGN = new Set(['evaluation', 'failure-modes', 'trade-offs', 'evolution', 'open-questions', 'monitoring']);

const LATENCY_WORDS = /\b(?:latency|latencies|response time|end[- ]to[- ]end|e2e|round[- ]trip|p\d{2,3}(?:\.\d)?|median|budget|time to first token|ttft|first token|inter[- ]token|tpot|per[- ]token)\b/;
const PEAK = /\b(?:peak|peaks|max(?:imum)?|busiest|burst|spike|worst case|at most)\b/;
const AVERAGE = /\b(?:average|avg|mean|typical|steady|baseline|normal)\b/;
const PER_UNIT = /\b(?:per|each|every)\s+(?:replica|node|pod|server|worker|instance|host|machine|shard|region|zone|model|tenant|request|user|batch|job|cluster|rack|box)\b|\breplica|\bnode\b|\bpod\b|\bworker|\bshard|\bhost\b|\bmachine/;
const GROWTH = /\b(?:by 20\d\d|in \d+ (?:months?|years?)|next year|year 2|grow|grows|growth|growing|later|eventually|future|projected|v2|long[- ]term)\b/;
const MAX_WORDS = /(?:<|≤|<=|\bunder|\bbelow|\bwithin|\bat most|\bless than|\bno more than|\bmax(?:imum)?|\bup to|\bcap(?:ped)?(?: at)?|\bceiling|\bbudget(?: of)?|\bbounded by|\bnot exceed|\b(?:alert|alarm)(?:s|ing)?(?: (?:fires|triggers|trips|goes off|is set|sounds))?(?: (?:at|above|over|past))?|\bthreshold(?: (?:of|at))?)\s*(?:of\s*)?(?:p\d{2,3}\s*)?[$~≈]?\s*$/;
const MIN_WORDS = /(?:>|≥|>=|\bat least|\bmore than|\bover|\bmin(?:imum)?|\bhandle|\bhandles|\bsustain|\bsustains|\bsupport|\bsupports|\bserve|\bserves|\bscale to|\babove)\s*(?:of\s*)?[~≈]?\s*$/;
const GPU_MODEL = /(?<![\d.,])(?<!\d\s*(?:[-–—]|to)\s*)(\d+)\s*(?:[×x*]\s*)?(?:nvidia\s+)?(a100|h100|h200|h20|b200|gb200|a10g?|l4|l40s?|t4|v100|mi300x?|tpu(?:\s*v\d\w*)?)s?\b/gi;

/** Every statement of a kind the rule compares, in document order. */
export function statements(parsed: ParsedSnapshot, blocks: readonly EstimateBlock[], diagrams: readonly DiagramBlock[]): Statement[] {
  const reading = readSnapshot(parsed);
  const out: Statement[] = [];
  const operands = operandOffsets(parsed);
  // A heading that serves two sections ("Goals": the problem and the requirements) holds its numbers once: each is read
  // in the requirements when they are one of its sections, else in the first.
  const read = new Set<number>();
  const sections = Object.entries(parsed.model.sections).sort(([a], [b]) => Number(b === 'requirements') - Number(a === 'requirements'));
  for (const [id, section] of sections) {
    if (NOT_DESIGN.has(id) && id !== 'trade-offs') continue;
    for (const n of section.numbers) {
      const start = parsed.lines.offsetAt(n.range.start);
      if (read.has(start)) continue;
      read.add(start);
      // The trade-offs state the design's own figures too ("the whole system runs for about $11k a month"), beside
      // the alternatives' ("self-hosting would cost $93k"): only a figure in a clause that weighs nothing is taken.
      if (id === 'trade-offs') {
        const c = clauseAt(reading, start);
        if (!c || weighsAlternative(c)) continue;
      }
      const end = parsed.lines.offsetAt(n.range.end);
      // One end of a range ("$15–25k per month", "2-4 GPUs") is not a figure of its own.
      if (/^\s*[–—-]\s*[$€£]?\d/.test(parsed.text.slice(end, end + 6)) || /\d\s*[–—-]\s*[$€£]?$/.test(parsed.text.slice(Math.max(0, start - 6), start))) continue;
      // "€18,000/month", "£900 a month": money in another currency, read as money and compared only with figures in the
      // same currency (below). "2.1M daily active users": users, with words between the number and the unit.
      const sign = /([€£])\s*$/.exec(parsed.text.slice(Math.max(0, start - 2), start))?.[1];
      const currency = !!sign && (!n.unit || n.unitKind === 'time');
      const active = !n.unitKind && ACTIVE_USERS.exec(parsed.text.slice(end, end + 40).toLowerCase());
      // Weekly active users are a count of their own, compared with nothing here.
      if (active && active[1] === 'weekly') continue;
      const unit = currency ? `$${n.unit ?? ''}` : active ? (active[1] === 'monthly' ? 'mau' : active[1] === 'daily' ? 'dau' : 'users') : (n.unit ?? '');
      // Only the units of the quantities compared: times, rates, users, GPUs, money.
      if (!currency && !active && (!n.unitKind || n.unitKind === 'data' || n.unitKind === 'percent' || n.unitKind === 'factor' || (n.unitKind === 'count' && !/^(?:users?|dau|mau|gpus?)$/i.test(n.unit ?? '')))) continue;
      const clause = clauseAt(reading, start);
      if (!clause) continue;
      const s = classify(parsed, clause, id, n.value, unit, start, active ? end + active[0].length : end, operands.has(start));
      // Pounds and euros are compared with their own kind only: a £ budget is not a $ estimate.
      if (s && currency) s.scope = [s.scope, sign === '£' ? 'gbp' : 'eur'].filter(Boolean).join('+');
      if (s) out.push(s);
    }
  }
  out.push(...volumes(parsed, reading));
  out.push(...gpuModels(reading));
  out.push(...budgets(reading));
  out.push(...fromBlocks(parsed, blocks));
  out.push(...fromDiagrams(parsed, diagrams));
  // In a training pipeline every GPU trains: "training" sets nothing apart there.
  if (patternOf(parsed) === 'training-pipeline') for (const st of out) if (st.scope.includes('training')) st.scope = st.scope.split('+').filter((x) => x !== 'training').join('+');
  return out.sort((a, b) => a.start - b.start);
}

/** Users written with words between the number and the unit: "2.1M daily active users", "40k registered users". */
const ACTIVE_USERS = /^\s+(?:(daily|monthly|weekly)\s+)?(?:active|registered|signed-up)\s+users\b/;

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
  const first = s.clauses[0];
  // Only a first clause that ends in a colon labels the rest ("Peak: …"); one ending in ";" is a statement of its own.
  // A table row's first cell labels the row ("| Ingest | 1.5M events/s at peak |").
  const row = s.block.kind === 'row' ? (s.block.cells?.[0]?.text.trim().toLowerCase() ?? '') : '';
  const label = first && first !== clause && (/^\s*:/.test(s.text.slice(first.end - s.start)) || (row && first.lower === row)) ? first.lower : '';
  return { near: clause.lower, label: label.length < 40 ? label : '' };
}

/** Words that make a latency the whole answer's, whatever else its clause times. */
const WHOLE_ANSWER = /\b(?:full|complete|whole|entire|total|end[- ]to[- ]end|e2e|last token|overall)\b/;
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
  const key = `${section}${section === 'problem' ? `\u0000${s.block.heading?.text ?? ''}` : ''}\u0000${operand ? 1 : 0}\u0000${start - clause.start}\u0000${end - clause.start}\u0000${unit}\u0000${value}\u0000${s.clauses[0] === clause ? '' : s.clauses[0]?.lower}\u0000${clause.lower}\u0000${parsed.text.slice(end, end + 16)}`;
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

/** A level word written right after a figure ("30 req/s peak", "12 calls/s on average"): the figure's own. */
const TRAILING_LEVEL = /^\s*(?:on\s+)?(?:peak|peaks|average|avg|mean|typical|steady|baseline|normal|max(?:imum)?|busiest|burst)\b/;

/** Where the words about one figure of a clause end and those about the next begin. */
const SEPARATOR = /[,;()]|≈|=|→|->|\b(?:and|or|vs|versus|while|whereas|but|plus|then|compared (?:to|with))\b/g;

/**
 * The words about the number at [from, to) of a clause: between it and the figures beside it, cut at the separator
 * nearest to it ("1,200 QPS on average, 4,000 QPS at peak": "on average" is the first figure's, "at peak" the
 * second's). `single` is true when no other figure of the clause has a unit of the same family.
 */
function localWords(clause: Clause, from: number, to: number): { before: string; after: string; single: boolean } {
  const nums = numbersIn(clause.text);
  let prev: { end: number } | undefined;
  let next: { start: number } | undefined;
  let family = 0;
  const own = nums.find((n) => n.start <= from && from < n.end + 1)?.unitKind;
  for (const n of nums) {
    if (n.end <= from) prev = n;
    else if (n.start >= to && !next) next = n;
    if ((n.end <= from || n.start >= to) && n.unitKind && n.unitKind === own) family++;
  }
  let before = clause.lower.slice(prev ? prev.end : 0, from);
  if (prev) {
    // "at the 30 req/s peak means … at the 4 req/s average": the level word right after a figure is that figure's.
    before = before.replace(TRAILING_LEVEL, ' ');
    let cut = 0;
    SEPARATOR.lastIndex = 0;
    for (let m = SEPARATOR.exec(before); m; m = SEPARATOR.exec(before)) cut = m.index + m[0].length;
    before = before.slice(cut);
  } else {
    // A calculation's result: the words before "≈" or "=" are about its operands.
    const eq = Math.max(before.lastIndexOf('≈'), before.lastIndexOf('='), before.lastIndexOf('→'));
    if (eq !== -1) before = before.slice(eq + 1);
  }
  let after = clause.lower.slice(to, next ? next.start : clause.lower.length);
  if (next) {
    SEPARATOR.lastIndex = 0;
    const m = SEPARATOR.exec(after);
    if (m) after = after.slice(0, m.index);
  }
  return { before, after, single: family === 0 };
}

/**
 * The comma- or semicolon-delimited part of a clause that holds a figure (a comma between digits groups thousands): in
 * "8× H100 across 2 nodes, TP=4, one replica per node" the per-node words are another figure's, not the GPUs'.
 */
function segmentOf(clause: Clause, from: number, to: number, end = /[,;](?!\d)/): string {
  const head = clause.lower.slice(0, from);
  const tail = clause.lower.slice(to);
  const cut = Math.max(...[...head.matchAll(/[,;](?!\d)/g)].map((m) => m.index + 1), 0);
  const stop = end.exec(tail)?.index ?? tail.length;
  return clause.lower.slice(cut, to + stop);
}

const GLOBAL = new Map<RegExp, RegExp>();

/**
 * The value of one qualifier class for a number: the nearest word before it, else the first after it (both among its
 * own words), else the one value the whole clause names, else the sentence's label ("Peak: …").
 */
function nearest(re: RegExp, local: { before: string; after: string; single: boolean }, clause: string, label: string, value: (m: RegExpExecArray) => string): string {
  let g = GLOBAL.get(re);
  if (!g) GLOBAL.set(re, (g = new RegExp(re.source, 'g')));
  g.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = g.exec(local.before); m; m = g.exec(local.before)) last = m;
  if (last) return value(last);
  const first = re.exec(local.after);
  if (first) return value(first);
  const values = new Set<string>();
  g.lastIndex = 0;
  for (let m = g.exec(clause); m; m = g.exec(clause)) values.add(value(m));
  if (values.size === 1) return [...values][0] as string;
  const l = re.exec(label);
  return l ? value(l) : '';
}

const PERCENTILE_ANY = /\bp(\d{2,3}(?:\.\d)?)\b|\b(median)\b|\b(\d{2}(?:\.\d)?)(?:th)? percentile\b/;
const percentileOf = (m: RegExpExecArray): string => (m[2] ? 'p50' : `p${m[1] ?? m[3]}`);
const NO_WORDS = { before: '', after: '', single: false };
const LOAD_LEVEL = /\b(?:(peak|peaks|max(?:imum)?|busiest|burst|spike|worst case)|(average|avg|mean|typical|steady|baseline|normal))\b/;
const levelOf = (m: RegExpExecArray): string => (m[1] ? 'peak' : 'avg');

/** A figure for one unit: "each" or "per" a thing (not a period) right after it. */
const EACH_AFTER = /^\s*(?:each|apiece)\b|^\s*per (?!(?:second|sec|s|minute|min|hour|hr|h|day|week|month|quarter|year)\b)[a-z]/;
/** What a calculation leaves after multiplying by a fraction: "560 × 0.55 ≈", "× 30% =". */
const SHARE_OF = /[×x*]\s*(?:(?<![\d.])0?\.\d+|\d{1,2}(?:\.\d+)?\s*%)\s*(?:≈|=|~|→|->)\s*[~≈]?\s*$/;

/** A condition on a figure: "if its p95 passes", "when the queue exceeds", "once spend crosses". */
const TRIGGER = /\b(?:if|when|whenever|once|until)\b[^,;]{0,40}?\b(?:pass(?:es)?|exceeds?|goes (?:above|over|past|beyond)|crosses|tops|rises (?:above|past)|climbs (?:above|past)|hits|drops below|falls below|dips below)\s*(?:p\d{2,3}\s*)?[~≈]?\s*[$€£]?$/;

/** An approach tried before this design (the classify cache is keyed by the clause and its sentence's first clause: the words are read there). */
const TRIED = /\bwe (?:tried|experimented with|prototyped)\b/;

/** Training or tuning a model, as an activity. */
const TRAINING = /\b(?:training|train|trains|trainers?|re-?train(?:s|ing|ers?)?|fine[- ]?tun(?:e|es|ing)|pre-?training|epochs?)\b/;

/** Words that put a figure on one part of the system or one moment, with the scope they name. */
const SCOPES: Array<[RegExp, string]> = [
  [/\bregion(?:s|al)?\b|\b(?:eu|apac|emea|latam|europe|asia)\b|\b(?:us|eu|ap)-(?:east|west|central|north|south)|\bdata ?cent(?:er|re)\b|\bzone\b|\bcountry\b|\bmarket\b/, 'region'],
  [/\breads?\b|\bread[- ](?:path|traffic|qps|requests)|\blookups?\b/, 'read'],
  [/\bwrites?\b|\bwrite[- ](?:path|traffic|qps|requests)|\bingest(?:ion|s|ed)?\b|\bupdates?\b|\binserts?\b|\buploads?\b/, 'write'],
  [/\bcach(?:e|es|ed|ing)\b|\bcache[- ]miss|\borigin\b|\breach(?:es)? the (?:model|llm|gpus?|generator|backend)\b/, 'cache'],
  [/\bbatch\b|\boffline\b|\bnightly\b|\bbackfill\b/, 'batch'],
  [/\b(?:year|yr|y) ?([2-9]|two|three|four|five)\b|\bin (?:[2-9]|two|three|four|five) years\b/, 'later'],
  // "Training: 2 epochs on 4 × A100": what training or tuning takes, not what serving does ("a fine-tuned model" is served).
  [TRAINING, 'training'],
  // "Remaining ~5,000 alerts/day" after a pre-filter: what is left of a figure, not the figure.
  // ("9,000 alerts per day after deduplication" is the whole stream, cleaned.)
  // "That leaves ~4,200 alerts/day for the agent": what a step leaves, likewise.
  [/\bremaining\b|\bthe rest\b|\bleft over\b|\bleaves\b|\bleaving\b|\bleft (?:for|to)\b/, 'remainder'],
];
/** "all regions", "globally", "in total": the whole, whatever else the words name. */
const WHOLE = /\b(?:global(?:ly)?|all (?:\d+ )?regions|across (?:all |the |our )?(?:\d+ |two |three |four |five |six )?(?:regions|countries|markets|zones)|in total|overall|combined|worldwide)\b|\b(?:eu|us|europe|asia|apac|emea|americas?)\s*(?:\+|and|&|\/)\s*(?:eu|us|europe|asia|apac|emea|americas?)\b/;

/** The scope of a figure: its own words first, the clause's (and label's) when it is the clause's only figure of its family. */
function scopeOf(local: { before: string; after: string; single: boolean }, clause: string, label: string): string {
  const own = `${local.before} ${local.after}`;
  const words = local.single ? `${label} ${clause}` : own;
  const out: string[] = [];
  for (const [re, name] of SCOPES) {
    if (!re.test(words)) continue;
    // "globally", "across the 4 regions" said in the figure's clause, not in the sentence's label ("across the 4 regions:
    // the US peaks at 1,100 TPS").
    if (name === 'region' && WHOLE.test(local.single ? clause : own)) continue;
    out.push(name);
  }
  // Both read and write named: the figure is about traffic as a whole.
  if (out.includes('read') && out.includes('write')) return out.filter((x) => x !== 'read' && x !== 'write').join('+');
  return out.join('+');
}

/** Words that say nothing about which part of the system a figure is about. */
const PLAIN_WORDS = new Set(['the', 'a', 'an', 'of', 'for', 'to', 'in', 'on', 'at', 'is', 'are', 'be', 'must', 'should', 'stay', 'stays', 'within', 'under', 'below', 'less', 'than', 'at', 'most', 'latency', 'latencies', 'budget', 'p50', 'p90', 'p95', 'p99', 'ms', 's', 'total', 'end', 'stage', 'stages', 'step', 'steps', 'time', 'target', 'so', 'and', 'or', 'with', 'our', 'we', 'it', 'its', 'up', 'by', 'per', 'request', 'requests', 'already', 'keep', 'keeps', 'slo', 'sla']);

/** The distinctive words of a figure's own words or a budget's context. */
export function aboutWords(text: string): string[] {
  return [...new Set((text.toLowerCase().match(/[a-z][a-z-]{2,}/g) ?? []).filter((w) => !PLAIN_WORDS.has(w)))];
}

/** Words that make a rate a capacity the system is built for rather than the load it sees. */
const PROVISIONED = /\b(?:provision\w*|capacity|headroom|sized? (?:for|to)|built for|can (?:handle|serve|sustain|absorb)|handles? up to|tested (?:at|to)|load[- ]tested)\b/;
const HEADROOM_WORDS = /\b(?:headroom|buffer|spare|provisioned|provision|redundan\w*|n\s?\+\s?1)\b/;

function classifyAfresh(parsed: ParsedSnapshot, clause: Clause, section: string, value: number, unit: string, start: number, end: number, operand: boolean): Statement | undefined {
  const { near, label } = contextOf(clause);
  const words = `${label} ${near}`;
  const before = parsed.text.slice(Math.max(clause.start, start - 24), start).toLowerCase();
  const requirement = section === 'requirements';
  const local = localWords(clause, start - clause.start, end - clause.start);
  const own = `${local.before} ${local.after}`;
  const growth = GROWTH.test(own) || (local.single && GROWTH.test(near));
  // "~140 req/s each", "120 events/min per reader": one unit's share, whatever the unit.
  const perUnit = PER_UNIT.test(own) || (local.single && PER_UNIT.test(segmentOf(clause, start - clause.start, end - clause.start))) || EACH_AFTER.test(parsed.text.slice(end, end + 24).toLowerCase());
  const scope = scopeOf(local, near, label);
  // "p99 < 200 ms" reads better in a message than "200 ms".
  const lead = /(?:p\d{2,3}(?:\.\d)?\s*)?(?:<=|>=|[<>≤≥]|under|below|within|at most|at least|up to)?\s*[€£]?$/i.exec(parsed.text.slice(Math.max(clause.start, start - 16), start));
  const text = `${(lead?.[0] ?? '').trimStart()}${parsed.text.slice(start, end)}`;
  const base = { where: section, section, scope, budget: false, text, start, end, about: aboutWords(own) };
  // "~95 vCPU per 1k requests/s", "$2 for every 1,000 users": the figure is what another is counted by, not a level.
  if (/\b(?:per|for every|for each)\s*[~≈]?\s*$/.test(before)) return undefined;
  // "560 × 0.55 ≈ 310 QPS": a share of another figure, not the figure.
  if (SHARE_OF.test(before)) return undefined;
  // "We tried a zero-shot LLM for stage 1: quality was fine, p95 was 900 ms": a measure of an alternative tried and dropped.
  if (TRIED.test(clause.lower) || TRIED.test(clause.sentence.clauses[0]?.lower ?? '')) return undefined;
  // "If its p95 passes 2.5 s, the band narrows": the level a condition watches for, not the design's figure.
  if (TRIGGER.test(clause.lower.slice(0, start - clause.start))) return undefined;
  const ms = timeMs(unit);
  if (ms !== undefined) {
    if (operand || !LATENCY_WORDS.test(words)) return undefined;
    // "timeout after 2 s", "for 5 min", "every 30 s": durations, not latencies.
    if (/\b(?:timeout|time out|for|every|after|window|ttl|age|lag|old|within \d+ (?:min|h))\s*$/.test(before) || /\b(?:freshness|fresh|stale|ttl|retention|lag|interval|cadence|window|heartbeat|warm-?up|cold start|load time|ready)\b/.test(near)) return undefined;
    if (growth) return undefined;
    // "first token < 1.5 s, full answer < 5 s": a figure whose own words name the whole answer is its latency.
    const kind = latencyKind(own) ?? (WHOLE_ANSWER.test(own) ? 'latency' : undefined) ?? latencyKind(near) ?? latencyKind(label) ?? 'latency';
    const p = nearest(PERCENTILE_ANY, local, near, label, percentileOf);
    const qualifier = p || (AVERAGE.test(own) || (local.single && AVERAGE.test(near)) ? 'avg' : '');
    const budget = /\bbudget\b/.test(words) && !requirement;
    return { ...base, kind, qualifier, value: value * ms, relation: budget ? 'eq' : relationBefore(before, kind, requirement, near), budget };
  }
  const rate = perSecond(unit);
  if (rate !== undefined) {
    if (operand || perUnit || growth) return undefined;
    const qualifier = nearest(LOAD_LEVEL, local, near, label, levelOf);
    // "We provision for 8,000 QPS": a capacity, like a requirement to sustain, not the load itself.
    const relation = !requirement && PROVISIONED.test(own) ? 'min' : relationBefore(before, 'qps', requirement, near);
    return { ...base, kind: 'qps', qualifier, value: value * rate, relation };
  }
  const u = unit.toLowerCase();
  if (/^(?:users?|dau|mau)$/.test(u)) {
    // Users are compared even as operands: the estimate's input should be the requirement's user count.
    if (growth || /\/|per\s+user/.test(parsed.text.slice(end, end + 6))) return undefined;
    const who = local.single ? words : own;
    const qualifier = u === 'dau' || /\bdaily active\b/.test(who) ? 'dau' : u === 'mau' || /\bmonthly active\b/.test(who) ? 'mau' : /\bconcurrent\b/.test(who) ? 'concurrent' : /\b(?:registered|total|accounts?|signed[- ]up|user base|customer base|members)\b/.test(who) ? 'registered' : '';
    return { ...base, kind: 'users', qualifier, value, relation: 'eq' };
  }
  if (/^gpus?$/.test(u)) {
    // "56 GPU-hours", "288,000 GPU-seconds" are compute time, not a count of GPUs.
    if (operand || perUnit || growth || /\bper\s+gpu\b|\/gpu|^[- ]?(?:hours?|hrs?|h|days?|months?|seconds?|secs?|s|minutes?|mins?)\b/.test(parsed.text.slice(end, end + 10).toLowerCase())) return undefined;
    // "~112 GPUs, 140 with headroom": the first is what the load needs, not what is provisioned.
    const needed = HEADROOM_WORDS.test(clause.sentence.lower) && !HEADROOM_WORDS.test(own);
    return { ...base, ...(needed ? { scope: [scope, 'needed'].filter(Boolean).join('+') } : {}), kind: 'gpus', qualifier: '', value, relation: relationBefore(before, 'gpus', requirement, near) };
  }
  if (u.startsWith('$') || u === 'usd' || u === 'dollars') {
    // Money in the context or background is today's (a plan's price, the company's cloud bill), not the design's cost; a
    // summary's is the design's.
    if (operand || growth || (section === 'problem' && (!SUMMARY_HEADING.test(clause.sentence.block.heading?.text.toLowerCase() ?? '') || TODAY.test(`${label} ${clause.lower.slice(0, Math.max(0, start - clause.start))}`)))) return undefined;
    const after = parsed.text.slice(end, end + 16).toLowerCase();
    const period = /^\/?(?:month|mo)\b/.test(u.replace(/^\$/, '').replace(/^\//, '')) || /^\s*(?:\/|per|a)\s*(?:month|mo)\b|^\s*monthly\b/.test(after) || /\/month|\bper month|\ba month|\bmonthly\b/.test(local.single ? words : near) ? 'month' : /\/(?:year|yr)\b/.test(u) || /^\s*(?:\/|per|a)\s*(?:year|yr)\b|^\s*(?:annually|yearly)\b/.test(after) ? 'year' : '';
    if (!period) return undefined;
    if (/\bper\s+(?:request|query|task|user|token|1k|1m|million|thousand|call|page|document|gpu)\b/.test(near.slice(Math.max(0, start - clause.start)))) return undefined;
    // "≈ $0.03 per report" beside "$130 per month": a price of one thing, whatever the clause's other figure is.
    if (/^\s*(?:\/\s*|per\s+|each\s+|an?\s+)(?!(?:month|mo|year|yr)\b)[a-z]/.test(after)) return undefined;
    // "Cost before caching: $7.6k / month": the baseline the design improves on, not its cost.
    if (/\b(?:before|without|no) (?:caching|cache|routing|batching|discounts?|optimi[sz]ations?|compression|quanti[sz]ation)\b/.test(`${label} ${own}`)) return undefined;
    // One item of several ("GPU serving: $12k/month", a row "| LLM cost | … ≈ $110 per month |"), not the total.
    const itemWords = local.single ? words : `${label} ${own}`;
    // Up to the clause's next figure, past any "and": "$130 per month for OCR and LLM together" is the sum of the items.
    const next = numbersIn(clause.text).find((x) => x.start >= end - clause.start);
    const sum = /\b(?:together|combined|altogether|in total)\b/.test(clause.lower.slice(end - clause.start, next ? next.start : undefined));
    const part = !sum && !WHOLE.test(own) && !/\b(?:total|all-in|overall|everything)\b/.test(local.single ? words : own) && COST_ITEM.test(itemWords);
    // The label names a bound as well as the clause: "Model spend ceiling: $2,500/month".
    const relation = relationBefore(before, 'cost', requirement, words);
    // Money the business handles rather than spends ("fraud ≈ €345k/month", "exposure capped at €2k/month") is no cost.
    const about = local.single ? words : own;
    if (BUSINESS_MONEY.test(about) && !SYSTEM_COST.test(about) && !COST_ITEM.test(about) && !SYSTEM_NOUN.test(about)) return undefined;
    // A bound on money that a rule applies to what the system handles ("catalogue items ≤ $30/month auto-approved",
    // "refunds up to $50 a month") is not a bound on the system's cost.
    if (relation === 'max' && !requirement && POLICY_MONEY.test(words) && !SYSTEM_COST.test(words)) return undefined;
    return { ...base, scope: [scope, part ? 'part' : ''].filter(Boolean).join('+'), kind: 'cost', qualifier: 'month', value: period === 'year' ? value / 12 : value, relation };
  }
  return undefined;
}

/** Money of the world the design starts from: "today", "the AWS bill". */
const TODAY = /\b(?:today|currently|current|existing|at present|(?:aws|gcp|azure|cloud|company|total) (?:bill|spend))\b/;
/** A heading of the problem section that sums the design up rather than setting the scene. */
const SUMMARY_HEADING = /\b(?:summary|overview|tl;?dr|abstract|at a glance|in brief|proposal)\b/;
/** What a rule on money is about when it is not the system's cost: items approved, refunds, purchases. */
const POLICY_MONEY = /\b(?:auto-?approv\w*|approv\w*|refunds?|purchases?|orders?|claims?|expenses?|reimburs\w*|payouts?|items?|licen[cs]es?|subscriptions?|invoices?|contracts?|deals?)\b/;
/** Words that make a bound on money the system's own cost: its bill, spend or budget. */
const SYSTEM_COST = /\b(?:costs?|spend(?:ing)?|bill(?:ing)?|budget|infra(?:structure)?|running|run rate|total|we pay|our (?:llm|model|gpu|api|cloud) (?:bill|spend|costs?))\b/;

/** Money of the business the system serves: losses, revenue, the value of what passes through, what is paid out. */
const BUSINESS_MONEY = /\b(?:fraud|loss|losses|lost|chargebacks?|revenue|gmv|sales|turnover|savings?|saves?|exposure|(?:transaction|order|basket|payment|top-?up|gross|claim|booking) value|payouts?|write-?offs?|stolen)\b/;

/** The system itself named beside a figure ("the fraud scorer comes to $4k/month"): its cost, whatever business it serves. */
const SYSTEM_NOUN = /\b(?:scorer|model|system|service|pipeline|runs?|platform|cluster|stack|copilot|assistant|bot|agent)\b/;

/** What a cost item is for, when a figure is one item of the bill. */
const COST_ITEM = /\b(?:gpus?|ocr|transcription|translation|storage|embedding|embeddings|vector|api|llm|inference|serving|compute|egress|network|training|fine-tuning|index|hosting|tokens?|database|cache|logging|monitoring|labell?ing|annotation|reviewers?|people|staff|licen[cs]es?)\b/;

const PERIOD_SECONDS: Record<string, number> = { s: 1, sec: 1, second: 1, min: 60, minute: 60, h: 3600, hr: 3600, hour: 3600, day: 86_400, week: 604_800, month: 2_628_000, quarter: 7_884_000, year: 31_536_000 };
/** "9,000 login attempts/s", "60 RFPs/month", "1.2M new listings per day": a count of things by a period. */
const VOLUME = /(\d[\d,]*(?:\.\d+)?)\s*([kmb])?\s+((?:[a-z][a-z-]*\s+){0,2}?[a-z][a-z-]*?)s?\s*(?:\/\s*|\bper\s+|\ban?\s+|\beach\s+|\bevery\s+)(s|sec|second|min|minute|h|hr|hour|day|week|month|quarter|year)\b/g;
/** "30,000 invoices on a normal day", "12,000 bills on the peak day": a count on one day (week, month) of some level. */
const VOLUME_ON = /(\d[\d,]*(?:\.\d+)?)\s*([kmb])?\s+((?:[a-z][a-z/-]*\s+){0,2}?[a-z][a-z-]*?)s?\s+on\s+(?:an?\s+(?:([a-z]+)\s+)?|the\s+([a-z]+)\s+)(day|week|month)\b/g;
/** "Peak day = 7,500 bills", "busiest hour: 900 orders": a level's period, then its count. */
const VOLUME_LABEL = /\b([a-z]+)\s+(day|week|month|hour)\s*(?:=|:|is|sees|brings)\s*(?:about\s+|around\s+|roughly\s+|~|≈)?\s*(\d[\d,]*(?:\.\d+)?)\s*([kmb])?\s+((?:[a-z][a-z-]*\s+){0,2}?[a-z][a-z-]*?)s?\b(?!\s*(?:\/|per\b|an?\s+(?:s|sec|second|min|minute|h|hr|hour|day|week|month|quarter|year)\b))/g;
/** "45,000/day": a count of the kind the clause counted last ("30,000 invoices on a normal day, 45,000/day at peak"). */
const VOLUME_BARE = /(?<![$€£\d.,])(\d[\d,]*(?:\.\d+)?)\s*([kmb])?\s*\/\s*(s|sec|second|min|minute|h|hr|hour|day|week|month|quarter|year)\b/g;
/** "450 concurrent conversations": how many at once, a count of its own kind. */
const VOLUME_CONCURRENT = /(\d[\d,]*(?:\.\d+)?)\s*([kmb])?\s+concurrent\s+((?:[a-z][a-z-]*\s+)??[a-z][a-z-]*?)s?\b/g;
/** The level words a day (week, month) can carry: "on a normal day", "peak day". */
const PEAK_DAY = 'peak|busiest|busy|heavy|worst|max(?:imum)?';
const USUAL_DAY = 'normal|typical|average|avg|ordinary|regular|usual|quiet|slow|light';
const DAY_LEVEL = new RegExp(`^(?:(${PEAK_DAY})|(${USUAL_DAY}))$`);

/** The words before a count that make it a part's: "some clinics see", "the smallest stores get". */
const SOME_PART = /\b(?:some|a few|many|most|few|several|individual|the smallest|the largest|the busiest|the quietest|small|large|smaller|larger)\s+(?:[a-z-]+\s+)?[a-z-]+s\s+(?:only\s+)?(?:see|get|receive|handle|have|process|serve|take|do)\s+(?:only\s+|just\s+|about\s+|around\s+|roughly\s+|~\s*)?$/;

/** One count per period in a clause, however it is written; `nouns` undefined: the kind is the clause's previous count's. */
interface VolumeMatch {
  /** Where the whole match starts and its text; where its number starts (all within the clause). */
  index: number;
  text: string;
  at: number;
  number: string;
  scale: string | undefined;
  nouns: string | undefined;
  period: string;
  /** The level the match itself names ("on the peak day"), if any. */
  level?: string;
}

function volumeMatches(lower: string): VolumeMatch[] {
  const out: VolumeMatch[] = [];
  const seen = new Set<number>();
  const add = (v: VolumeMatch): void => {
    if (seen.has(v.at)) return;
    seen.add(v.at);
    out.push(v);
  };
  const level = (word: string | undefined): string | undefined => {
    const m = word ? DAY_LEVEL.exec(word) : null;
    return m ? (m[1] ? 'peak' : 'avg') : undefined;
  };
  for (const m of lower.matchAll(VOLUME)) add({ index: m.index, text: m[0], at: m.index, number: m[1] ?? '', scale: m[2], nouns: m[3] ?? '', period: m[4] ?? 's' });
  for (const m of lower.matchAll(VOLUME_ON)) {
    // "on a normal day", "on the peak day"; not "on the first day" (one day, no level) nor "on the day".
    const word = m[4] ?? m[5];
    if (word !== undefined && !level(word)) continue;
    if (m[5] === undefined && /\bthe\s+(?:day|week|month)\b/.test(m[0])) continue;
    add({ index: m.index, text: m[0], at: m.index, number: m[1] ?? '', scale: m[2], nouns: m[3] ?? '', period: m[6] ?? 'day', ...(level(word) ? { level: level(word) } : {}) });
  }
  for (const m of lower.matchAll(VOLUME_CONCURRENT)) add({ index: m.index, text: m[0], at: m.index, number: m[1] ?? '', scale: m[2], nouns: m[3] ?? '', period: 'concurrent' });
  for (const m of lower.matchAll(VOLUME_LABEL)) {
    const l = level(m[1]);
    if (!l) continue;
    const at = m.index + m[0].indexOf(m[3] ?? '', m[1]!.length + (m[2]?.length ?? 0));
    add({ index: m.index, text: m[0], at, number: m[3] ?? '', scale: m[4], nouns: m[5] ?? '', period: m[2] === 'hour' ? 'h' : (m[2] ?? 'day'), level: l });
  }
  // Only one of a list ("…, 45,000/day at month-end peak"): not an operand ("85k × 0.1/s") nor a result ("= 8,500/s").
  // Nor money ("…, 4k/month in GPU cost").
  // And not one with a noun of its own after it ("2/day full reindexes").
  for (const m of lower.matchAll(VOLUME_BARE)) if (/(?:^|[,;:(]|\*\*|\b(?:and|or|but|with|to))\s*(?:about\s+|around\s+|roughly\s+|~\s*)?$/.test(lower.slice(0, m.index)) && /^\s*(?:$|[.;,:)*]|(?:at|in|on|during|for|from|across|over|when|while|peak|average|avg)\b)/.test(lower.slice(m.index + m[0].length)) && !/^\s*(?:[a-z-]+\s+){0,3}?(?:costs?|spend|\$|usd|eur|dollars?|euros?)\b/.test(lower.slice(m.index + m[0].length))) add({ index: m.index, text: m[0], at: m.index, number: m[1] ?? '', scale: m[2], nouns: undefined, period: m[3] ?? 's' });
  return out.sort((a, b) => a.at - b.at);
}

/** Words that say how a count is taken, not what is counted; and units the other kinds read. */
const NOT_NOUNS = new Set(['new', 'active', 'daily', 'unique', 'total', 'about', 'around', 'roughly', 'approximately', 'up', 'to', 'of', 'the', 'more', 'than', 'over', 'under', 'at', 'peak', 'average', 'avg', 'only', 'extra', 'additional', 'incoming', 'outgoing', 'distinct', 'separate', 'individual', 'other', 'few', 'many', 'raw']);
const OTHER_KINDS = /^(?:day|days|week|weeks|month|months|hour|hours|year|years|minute|minutes|req|reqs|request|requests|query|queries|call|calls|transaction|transactions|txn|txns|event|events|message|messages|token|tokens|user|users|dau|mau|gpu|gpus|ms|kb|mb|gb|tb|pb|byte|bytes|usd|dollar|dollars|cent|cents|eur|times|x|percent)$/;
/** Head nouns that only say a thing happened: "pick events", "login requests". */
const GENERIC_HEAD = /^(?:event|request|message|call|query|transaction|txn)$/;
/** Words that make a count one person's or one thing's ("40 questions each per day"). */
const PER_ONE = new Set(['each', 'per', 'apiece', 'every']);
const singular = (w: string): string => (w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.endsWith('ses') || w.endsWith('xes') ? w.slice(0, -2) : w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/**
 * Volumes: counts of one thing by a period (logins a second, RFPs a month, listings a day), compared in counts per
 * second with the statements that count the same thing (a word of what is counted in common).
 */
/** Clauses that hold no volume, by text: most clauses, and they are not searched again while the author types. */
const noVolume = reviewCache<string, true>(8192);
const PER_PERIOD = new RegExp(String.raw`(?:\/|\bper\b|\ban?\b|\beach\b|\bevery\b)\s*(?:s|sec|second|min|minute|h|hr|hour|day|week|month|quarter|year)\b|\b(?:${PEAK_DAY}|${USUAL_DAY})\s+(?:day|week|month|hour)\b|\bconcurrent\b`);

/** The volumes of a clause by its section and text, at offsets within the clause. */
const clauseVolumes = reviewCache<string, Statement[]>(2048);

function volumes(parsed: ParsedSnapshot, reading: Reading): Statement[] {
  const out: Statement[] = [];
  for (const c of reading.clauses) {
    const section = c.sentence.block.section;
    if (!section || noVolume.get(c.lower)) continue;
    if (!/\d/.test(c.lower) || !PER_PERIOD.test(c.lower)) {
      noVolume.set(c.lower, true);
      continue;
    }
    if (NOT_DESIGN.has(section) && !(section === 'trade-offs' && !weighsAlternative(c))) continue;
    // The sentence is part of the key: a load level set earlier in it ("Peak is …: 25 questions in an hour") is the clause's.
    const key = c.lower.length === c.sentence.lower.length ? `${section}\u0000${c.lower}` : `${section}\u0000${c.start - c.sentence.start}\u0000${c.sentence.lower}`;
    let found = clauseVolumes.get(key);
    if (!found) clauseVolumes.set(key, (found = clauseVolumesAfresh(parsed, c, section)));
    for (const v of found) out.push({ ...v, start: v.start + c.start, end: v.end + c.start });
  }
  return out;
}

/**
 * A text up to the first arrow, "≈" or "=" at or after `from` (the figure's consequences, or a calculation's results,
 * start there), or the first "×" (the next factor's words: "4,000 submissions/month × ~45 pages average") or "rising
 * to" (the next level's: "6,000 a month, rising to ~8,000 in the peak months").
 */
function untilArrow(text: string, from: number): string {
  const at = text.slice(from).search(/→|->|=>|≈|=|×|\s[x*]\s*~?\d|\b(?:rising|rises|growing|grows|climbing|climbs|going up) to\b/);
  return at < 0 ? text : text.slice(0, from + at);
}

/**
 * The rest of a clause's sentence that can set its figure's level: what comes before the clause ("Peak is …: 25
 * questions in an hour") and the clauses after it up to the next that states a figure of its own ("6,000 photos/day
 * across 140 sites; peak ~900/hour": that peak is the next figure's).
 */
function aroundClause(c: Clause): string {
  const s = c.sentence;
  let out = s.lower.slice(0, c.start - s.start);
  for (const x of s.clauses) {
    if (x.start < c.end) continue;
    if (/\d/.test(x.lower)) break;
    out += ` ${untilArrow(x.lower, 0)}`;
  }
  return out;
}

/** The volumes of one clause, with offsets relative to the clause's start. */
function clauseVolumesAfresh(parsed: ParsedSnapshot, c: Clause, section: string): Statement[] {
  const out: Statement[] = [];
  {
    let previous: string[] | undefined;
    // An aside with a figure of its own ("(we expect ~2.3 M/day at next year's peak)") speaks of that figure: its
    // growth and level words are not the clause's.
    const plain = c.lower.replace(/\([^()]*\d[^()]*\)/g, (p) => ' '.repeat(p.length));
    for (const m of volumeMatches(c.lower)) {
      // "45,000/day" after "30,000 invoices on a normal day": the kind the clause counted last.
      const written = m.nouns === undefined ? previous : m.nouns.split(/\s+/).map((w) => singular(w.replace(/-+$/, ''))).filter((w) => w && !NOT_NOUNS.has(w));
      // A generic head noun another kind reads as a rate counts what its word before it names: "1.6 M pick events per day"
      // counts picks. Any other unit of another kind ("30 days of saves", "users") is not a count of things.
      const words = written && written.length > 1 && GENERIC_HEAD.test(written[written.length - 1] ?? '') ? written.slice(0, -1) : written;
      if (!words?.length || words.some((w) => OTHER_KINDS.test(w) || OTHER_KINDS.test(`${w}s`))) continue;
      // "40 questions each per day", "3 tickets per agent a day": a count for one of many, not the total.
      if (words.some((w) => PER_ONE.has(w))) continue;
      previous = words;
      const start = c.start + m.index;
      const end = start + m.text.length;
      const local = localWords(c, m.at, m.at + m.number.length);
      const rel = (x: number): number => x - c.start;
      const own = `${local.before} ${local.after}`;
      if (GROWTH.test(own) || (local.single && GROWTH.test(plain)) || PER_UNIT.test(local.before)) continue;
      // "200 concurrent sessions per pod", "… each": one unit's count, not the whole's.
      if (/^\s*(?:each|apiece|per\s+(?:pod|node|replica|server|worker|instance|host|machine|gpu|process|shard|container))\b/.test(c.lower.slice(m.index + m.text.length))) continue;
      // "Some clinics see 40 appointments a day": a part's count, not the whole's.
      if (SOME_PART.test(c.lower.slice(0, m.at))) continue;
      // "300,000 × 2% held ≈ 6,000 comments/day": a share of another volume, not the volume itself.
      if (/\d\s*%|[×x*]\s*0?\.\d/.test(c.lower.slice(0, m.at))) continue;
      // "~1,800 moderator reviews a day (~5% of capacity)": what the figure uses of a capacity or budget, not the capacity
      // ("(~6% of conversations)" says what the figure is, and "2% of them" refers back to it).
      if (/^\s*(?:\(|,?\s*(?:which|that) is\s)\s*(?:about |around |roughly |~|≈)?\d+(?:\.\d+)?\s*%\s+of\s+(?:the |our )?(?:[a-z-]+ )?(?:capacity|budget|headcount|staff time)\b/.test(c.lower.slice(m.index + m.text.length))) continue;
      const mult = m.scale === 'k' ? 1e3 : m.scale === 'm' ? 1e6 : m.scale === 'b' ? 1e9 : 1;
      const value = (Number(m.number.replace(/,/g, '')) * mult) / (PERIOD_SECONDS[m.period] ?? 1);
      const requirement = section === 'requirements';
      const before = parsed.text.slice(Math.max(c.start, start - 24), start).toLowerCase();
      out.push({
        kind: 'volume',
        // The level may be set earlier in the sentence: "Peak is the Monday of a new programme: perhaps 25 questions in an hour".
        // What follows an arrow is what the figure leads to ("120,000 invoices/month → … month-end peaks of ~1,200 per hour"),
        // and what follows "≈" is what it computes ("1,400 hires/month × 30 turns ≈ 42,000 turns/month, peak 5 turns/s").
        qualifier: m.level ?? (nearest(LOAD_LEVEL, local, untilArrow(plain, m.index + m.text.length), '', levelOf) || nearest(LOAD_LEVEL, NO_WORDS, aroundClause(c), '', levelOf)),
        value,
        relation: MAX_WORDS.test(before) ? 'max' : MIN_WORDS.test(before) || (requirement && /\b(?:must|sustain|handle|support)\b/.test(c.lower)) || (!requirement && PROVISIONED.test(own)) ? 'min' : 'eq',
        where: section,
        section,
        scope: scopeOf(local, c.lower, ''),
        budget: false,
        text: parsed.text.slice(start, end),
        start: rel(start),
        end: rel(end),
        nouns: words,
        per: m.period === 'concurrent' ? 'concurrent' : /^(?:s|sec|second|min|minute|h|hr|hour)$/.test(m.period) ? 'short' : 'long',
      });
    }
  }
  return out;
}

/** A GPU model's name as compared: "L40S" and "l40s" alike, "TPU v5e" as "tpu". */
function gpuModelName(name: string): string {
  return name.toLowerCase().replace(/\s.*$/, '');
}

/** "One 8× H100 node", "a single 8×A100 node": the GPUs of the only node. */
const ONE_NODE = /\b(?:one|a single|single|a|1)\s+\d+\s*[×x*]?\s*(?:nvidia\s+)?[a-z]+\d+[a-z]*s?\s+(?:node|server|host|machine|box|instance)\b(?!\s*(?:each|per)\b)|\b(?:one|a single|single|1)\s+(?:node|server|host|machine|box|instance)\s+(?:with|of|holding|carrying)\s+\d+\s*[×x*]?\s*(?:nvidia\s+)?[a-z]+\d+[a-z]*s?\b(?!\s*(?:each|per)\b)/;

/** GPU counts written with the GPU's model in prose ("a pool of 32 H100s", "8× A100"). */
const GPU_WORDS = new Set(['a100', 'h100', 'h200', 'h20', 'b200', 'gb200', 'a10', 'a10g', 'l4', 'l40', 'l40s', 't4', 'v100', 'mi300', 'mi300x', 'tpu', 'a100s', 'h100s', 'h200s', 'v100s', 't4s']);

/** Several machines, then what each holds: "3 nodes of", "two servers with" (unless the count is then said to be all of them). */
const NODES_OF = /\b(?:[2-9]|\d{2,}|two|three|four|five|six|eight|ten|twelve|sixteen)\s+(?:[\w-]+\s+)?(?:nodes|servers|machines|hosts|boxes|instances|vms)\s+(?:of|with|each with|carrying|holding)\s*$/;

/** A GPU model's word, written alone, plural or with its count ("h100", "l4s", "8xh100"). */
/** "… 16 H100s altogether", "in total": a count of all the machines' GPUs. */
const ALL_TOGETHER = /^[^.;,\d]{0,20}?\b(?:in total|total|altogether|combined|in all)\b/;

function gpuWord(w: string): boolean {
  const bare = w.replace(/^\d+x/, '');
  return GPU_WORDS.has(bare) || GPU_WORDS.has(bare.replace(/s$/, ''));
}

function gpuModels(reading: Reading): Statement[] {
  const out: Statement[] = [];
  // A GPU's model is one word of some sentence ("8xH100" one word with its count); most snapshots name none, and only
  // the sentences that name one are read.
  const words = sentenceWords(reading);
  const naming = new Set<Sentence>();
  reading.sentences.forEach((s, i) => {
    if (words[i]?.w.some((w) => gpuWord(w))) naming.add(s);
  });
  if (!naming.size) return out;
  for (const c of reading.clauses) {
    if (!naming.has(c.sentence)) continue;
    const section = c.sentence.block.section;
    if (!section || NOT_DESIGN.has(section) || GROWTH.test(c.lower)) continue;
    GPU_MODEL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = GPU_MODEL.exec(c.text))) {
      // "8 H100s per node" counts a node's; "8× H100 across 2 nodes, one replica per node" counts them all, and so does
      // "a single 8× A100 node" (one node's are all there are).
      // What a count comes to after "=" or "→" ("12 H100 GPUs = 6 replicas") is no unit it is counted per.
      if (PER_UNIT.test(segmentOf(c, m.index, m.index + m[0].length, /[,;](?!\d)|\s(?:=|→|->|≈)\s/)) && !ONE_NODE.test(c.lower.slice(Math.max(0, m.index - 30), m.index + m[0].length + 24))) continue;
      // "3 nodes of 8xH100", "two servers with 4 A100s": one node's.
      if (NODES_OF.test(c.lower.slice(Math.max(0, m.index - 40), m.index)) && !ALL_TOGETHER.test(c.lower.slice(m.index + m[0].length, m.index + m[0].length + 30))) continue;
      // "two nodes with 4 A100s each": one node's.
      if (/^\s*(?:each|apiece)\b(?!\s+(?:night|day|week|month|morning|evening|run|time|hour|year|quarter)\b)/.test(c.lower.slice(m.index + m[0].length))) continue;
      const start = c.start + m.index;
      out.push({ kind: 'gpus', qualifier: '', value: Number(m[1]), relation: 'eq', where: section, section, scope: TRAINING.test(c.lower) ? 'training' : '', budget: false, text: m[0], start, end: start + m[0].length, model: gpuModelName(m[2] ?? '') });
    }
  }
  return out;
}

/** A list or table that sets out a latency budget stage by stage: said so by its lead-in, sub-heading or columns. */
const LATENCY_BUDGET = /\blatency budget|\bbudget\b[^;]*\b(?:latency|ms)\b|\b(?:latency|ms)\b[^;]*\bbudget\b/;
/** …or a breakdown of latency into stages ("Latency breakdown:", columns "Stage | p99 latency"). */
const LATENCY_WORD = /\b(?:latency|latencies|ms|p\d{2,3}|time|duration)\b/;
const STAGES = /\b(?:breakdown|stages?|steps?|hops?|per[- ]stage|critical path|adds? up|end[- ]to[- ]end|components?|phases?|where the time goes|request path)\b/;
/** Rows that are alternatives or separate paths, never stages of one request: their figures do not add up. */
const NOT_ADDITIVE = /\b(?:endpoints?|operations?|routes?|scenarios?|options?|alternatives?|models?|tiers?|query types?|request types?|paths?|percentiles?|regions?|tenants?|workloads?|use cases?|sla|slo|target)\b/;
const BUDGET_CONTEXT = /latenc|budget|\bms\b|\bp\d{2}|\btime\b|duration|cost|spend|\bbill|\$|breakdown|stage|step|hop|phase|component/;
const COST_CONTEXT = /\bcosts?\b|\bspend\b|\bbill\b|\bbudget\b|\$/;
const MONTHLY = /\/\s*(?:month|mo)\b|\bper month\b|\ba month\b|\bmonthly\b|\bmonth\b/;
const TOTAL_ROW = /\btotal\b|\bend[- ]to[- ]end\b|\bsum\b|\ball[- ]in\b|\boverall\b/;
const CONCURRENT = /\b(?:parallel|concurrent|concurrently|overlap|overlaps|overlapping|async|asynchronous|background|off the (?:critical|request) path|not on the (?:critical|request) path)\b/;

/**
 * Budgets written as a list or table of stages or cost items: their total (the "Total" row, else the sum of the rows)
 * is a statement. Latency stages add up only when they run one after another: a group that says any stage runs in
 * parallel, or whose rows are alternatives (endpoints, models, regions), is left out.
 */
function budgets(reading: Reading): Statement[] {
  const out: Statement[] = [];
  const groups = new Map<string, Block[]>();
  for (const b of reading.blocks) {
    if (b.kind !== 'item' && b.kind !== 'row') continue;
    if (b.section && NOT_DESIGN.has(b.section)) continue;
    // Only a list or table whose lead-in, sub-heading or columns speak of time or money can be a budget.
    if (!BUDGET_CONTEXT.test(b.leadIn) && !BUDGET_CONTEXT.test(b.subheading) && !(b.columns && b.columns.some((c) => BUDGET_CONTEXT.test(c)))) continue;
    const key = `${b.section ?? ''}\u0000${b.leadIn}\u0000${b.subheading}\u0000${b.columns?.join('|') ?? ''}`;
    const g = groups.get(key) ?? [];
    g.push(b);
    groups.set(key, g);
  }
  for (const [, group] of groups) {
    if (group.length < 2) continue;
    const first = group[0] as Block;
    const last = group[group.length - 1] as Block;
    const columns = first.columns?.join(' ; ') ?? '';
    const context = `${first.leadIn} ; ${first.subheading} ; ${columns}`;
    const firstColumn = first.columns?.[0] ?? '';
    if (NOT_ADDITIVE.test(firstColumn) || NOT_ADDITIVE.test(first.leadIn.replace(/\blatency budget\b/, ''))) continue;
    // The group's total as one statement, at the group, in the engine's words.
    const summary = (st: Pick<Statement, 'kind' | 'qualifier' | 'value' | 'text' | 'about'>): void => {
      const section = first.section ?? '';
      out.push({ ...st, relation: 'eq', where: section, section, scope: '', budget: true, summary: true, start: first.start, end: last.end });
    };
    const latency = LATENCY_BUDGET.test(context) || (LATENCY_WORD.test(context) && STAGES.test(context));
    const cost = !latency && COST_CONTEXT.test(context) && /\b(?:costs?|spend|bill|budget)\b/.test(context);
    if (latency) {
      const s = sumOf(group, stageTimes);
      // Stages that overlap do not add up, unless the author's own "Total" row says what they come to.
      if (!s || (s.total === undefined && (group.some((b) => CONCURRENT.test(b.text.toLowerCase())) || CONCURRENT.test(context)))) continue;
      const p = PERCENTILE_ANY.exec(context);
      const value = s.total ?? s.sum;
      summary({
        kind: /\b(?:ttft|time to first token|first token)\b/.test(context) ? 'ttft' : 'latency',
        qualifier: p ? percentileOf(p) : '',
        value,
        about: aboutWords(`${first.leadIn} ${first.subheading}`),
        text: s.total !== undefined ? l10n.t('the latency budget (its total, {0} ms)', Math.round(value)) : l10n.t('the latency budget ({0} stages adding up to {1} ms)', group.length, Math.round(value)),
      });
    } else if (cost) {
      const monthly = MONTHLY.test(context);
      const s = sumOf(group, (b) =>
        scanNumbers(b.text)
          .filter((m) => m.unitKind === 'currency' && (monthly || MONTHLY.test(b.text.slice(m.end, m.end + 12).toLowerCase()) || /\/(?:month|mo)\b/i.test(m.unit ?? '')))
          .map((m) => m.value),
      );
      if (!s) continue;
      const value = s.total ?? s.sum;
      summary({
        kind: 'cost',
        qualifier: 'month',
        value,
        text: s.total !== undefined ? l10n.t('the cost table (its total, ${0}/month)', Math.round(value).toLocaleString('en-US')) : l10n.t('the cost table ({0} items adding up to ${1}/month)', group.length, Math.round(value).toLocaleString('en-US')),
      });
    }
  }
  return out;
}

/** A column header that names the unit of its cells: "ms", "p95 (ms)", "Latency, s". */
const HEADER_TIME_UNIT = /(?:^|[\s(,])(ms|milliseconds?|s|secs?|seconds?)\)?\s*$/;

/** A stage's time in ms: figures with a time unit, else bare figures under a column whose header names the unit ("| Step | ms |"). */
function stageTimes(b: Block): number[] {
  const own = scanNumbers(b.text).filter((m) => m.unit && timeMs(m.unit) !== undefined);
  if (own.length || !b.cells) return own.map((m) => m.value * (timeMs(m.unit ?? '') ?? 0));
  const out: number[] = [];
  for (const c of b.cells) {
    const unit = HEADER_TIME_UNIT.exec(c.column)?.[1];
    const ms = unit && timeMs(unit.startsWith('milli') ? 'ms' : unit);
    if (ms) for (const m of scanNumbers(c.text)) if (!m.unit) out.push(m.value * ms);
  }
  return out;
}

/** The sum of a group's rows, each holding exactly one figure (a "Total" row is kept apart); undefined otherwise. */
function sumOf(group: readonly Block[], figures: (b: Block) => number[]): { sum: number; total?: number } | undefined {
  let sum = 0;
  let total: number | undefined;
  let items = 0;
  for (const b of group) {
    const fs = figures(b);
    const lower = b.text.toLowerCase();
    const isTotal = TOTAL_ROW.test(b.cells?.[0]?.text.toLowerCase() ?? lower.slice(0, 40));
    if (fs.length !== 1) {
      // A row without a figure (a note, a sub-header) is skipped; one with several figures is a comparison, not a budget line.
      if (fs.length === 0 && !isTotal) continue;
      return undefined;
    }
    if (isTotal) total = fs[0] as number;
    else {
      sum += fs[0] as number;
      items++;
    }
  }
  return items >= 2 ? { sum, ...(total !== undefined ? { total } : {}) } : undefined;
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
      const base = { where: section, section, scope: '', budget: false, text: `${l.name} = ${l.display}`, start, end: start + (l.end - l.start) };
      let s: Statement | undefined;
      if ((/^gpus?$/i.test(unit) || (!unit && /^(?:n_|num_|total_)?gpus?(?:_(?:count|total|needed|provisioned|required|pool|fleet))?$|^gpu_count$/.test(name))) && /gpu/.test(name) && !/per|each|node|replica/.test(name)) s = { ...base, kind: 'gpus', qualifier: '', value, relation: 'eq' };
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
    // GPUs drawn on several boxes are each box's: the diagram states their sum when every box's count is read and all
    // are one GPU model.
    const gpus: Statement[] = [];
    let gpuUnread = false;
    for (const label of chart.labels) {
      const lower = label.text.toLowerCase();
      GPU_MODEL.lastIndex = 0;
      const gpu = GPU_MODEL.exec(label.text);
      const lineStart = parsed.lines.lineStart(d.contentLine + label.line) + label.start;
      const base = { where: 'diagram', section: 'diagram', scope: TRAINING.test(lower) ? 'training' : '', budget: false, start: lineStart, end: lineStart + (label.end - label.start) };
      if (PER_UNIT.test(lower)) {
        // A box counted per replica or node: read at its total when it writes one ("2 replicas x TP4 = 8 x H100"); else
        // a named GPU leaves the diagram's total unread, and a bare "1 GPU per pod" is that box's own business.
        const total = /=\s*(\d+)\s*[×x*]?\s*(?:nvidia\s+)?([a-z]+\d+[a-z]*)/i.exec(label.text);
        if (total && gpu) gpus.push({ ...base, kind: 'gpus', qualifier: '', value: Number(total[1]), relation: 'eq', text: `"${total[0].replace(/^=\s*/, '')}"`, model: gpuModelName(total[2] ?? '') });
        else gpuUnread ||= !!gpu;
        continue;
      }
      if (gpu) {
        gpus.push({ ...base, kind: 'gpus', qualifier: '', value: Number(gpu[1]), relation: 'eq', text: `"${gpu[0]}"`, model: gpuModelName(gpu[2] ?? '') });
        continue;
      }
      for (const n of numbersIn(label.text)) {
        if (!n.unit) continue;
        const text = `"${label.text.slice(n.start, n.end)}"`;
        if (/^gpus?$/i.test(n.unit)) gpus.push({ ...base, kind: 'gpus', qualifier: '', value: n.value, relation: 'eq', text });
        const rate = perSecond(n.unit);
        if (rate !== undefined) out.push({ ...base, kind: 'qps', qualifier: PEAK.test(lower) ? 'peak' : AVERAGE.test(lower) ? 'avg' : '', value: n.value * rate, relation: 'eq', text });
      }
    }
    const [first] = gpus;
    const last = gpus[gpus.length - 1];
    // Boxes of different GPUs ("1× L4" beside "4× H100") add up to a count the text rarely states: left alone.
    const models = new Set(gpus.map((g) => (g.model ?? '').replace(/s$/, '')).filter(Boolean));
    if (gpuUnread || !first || !last || models.size > 1) continue;
    if (gpus.length === 1) out.push(first);
    else out.push({ ...first, value: gpus.reduce((sum, g) => sum + g.value, 0), end: last.end, text: gpus.map((g) => g.text).join(' + ') });
  }
  return out;
}
