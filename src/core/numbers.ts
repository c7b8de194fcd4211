/**
 * Finds the numbers an author states in prose ("p99 < 200 ms", "99.9%", "$2/hr",
 * "1.5M users", "10^7") with the unit written after them. Numbers glued to a
 * word (p99, H100, GPT-4, v2) are names, not quantities, and are skipped.
 */

/** The family a unit belongs to; units of one family convert into each other. */
export type UnitKind = 'time' | 'data' | 'rate' | 'count' | 'currency' | 'percent' | 'factor';

/** A number written in the text, with offsets relative to the scanned string. */
export interface NumberMention {
  value: number;
  /** The literal as written, without its unit. */
  raw: string;
  /** The unit as written ("ms", "QPS", "req/s", "%", "$/hr"), when one follows. */
  unit?: string;
  unitKind?: UnitKind;
  start: number;
  end: number;
}

const TIME = 'ns us µs ms s sec secs second seconds min mins minute minutes h hr hrs hour hours day days week weeks month months mo year years yr yrs';
const DATA = 'bit bits byte bytes kb mb gb tb pb eb kib mib gib tib pib bps kbps mbps gbps';
const RATE = 'qps rps tps qpm rpm';
const COUNT =
  'req reqs request requests query queries call calls token tokens tok toks user users dau mau gpu gpus cpu cpus vcpu vcpus core cores node nodes replica replicas shard shards pod pods instance instances server servers doc docs document documents page pages chunk chunks item items event events transaction transactions txn txns message messages image images video videos vector vectors embedding embeddings dim dims dimension dimensions param params parameter parameters feature features row rows record records session sessions click clicks view views post posts region regions zone zones nines candidate candidates turn turns step steps batch batches sample samples label labels file files prompt prompts completion completions';
const CURRENCY = 'usd eur $ dollars cents';

const UNIT_KINDS = new Map<string, UnitKind>();
for (const [list, kind] of [
  [TIME, 'time'],
  [DATA, 'data'],
  [RATE, 'rate'],
  [COUNT, 'count'],
  [CURRENCY, 'currency'],
] as const) {
  for (const w of list.split(' ')) UNIT_KINDS.set(w, kind);
}

/** The family of a unit word ("GB" → data), or undefined when it is not a known unit. */
export function unitKind(word: string): UnitKind | undefined {
  if (word === '%') return 'percent';
  // "B" alone is bytes; lower-case "b" is too ambiguous (bits? billions?) to call.
  if (word === 'B') return 'data';
  return UNIT_KINDS.get(word.toLowerCase());
}

/** Multipliers written straight after a number: 10K, 1.5M, 3bn, 2T. */
export { SUFFIXES } from './estimates/tokens.js';
import { SUFFIXES } from './estimates/tokens.js';

const LITERAL = /(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+/y;
const EXPONENT = /[eE][+-]?\d+(?![\p{L}\d])/uy;
const POWER = /\^\s?(\d+)/y;
const SUFFIX = /(bn|[kKMBT])(?![\p{L}\d])/uy;
const UNIT_WORD = /[\p{L}$µ%]+/uy;

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}_]/u.test(c);
}

/** Reads one number literal at `start`; returns undefined when none starts there. */
export function readNumber(text: string, start: number): { value: number; end: number } | undefined {
  LITERAL.lastIndex = start;
  const m = LITERAL.exec(text);
  if (!m) return undefined;
  let value = Number(m[0].replace(/,/g, ''));
  let end = start + m[0].length;
  EXPONENT.lastIndex = end;
  const e = EXPONENT.exec(text);
  if (e) {
    value *= 10 ** Number(e[0].slice(1));
    end += e[0].length;
  } else {
    POWER.lastIndex = end;
    const p = POWER.exec(text);
    if (p) {
      value = value ** Number(p[1]);
      end += p[0].length;
    }
  }
  SUFFIX.lastIndex = end;
  const s = SUFFIX.exec(text);
  if (s && s[1]) {
    value *= SUFFIXES[s[1]] ?? 1;
    end += s[1].length;
  }
  return Number.isFinite(value) ? { value, end } : undefined;
}

/** Reads a unit such as "ms", "req/s", "tokens/s/GPU" or "/hr" at `start`. */
export function readUnit(text: string, start: number): { unit: string; kind: UnitKind; end: number } | undefined {
  let i = start;
  if (text[i] === '%') return { unit: '%', kind: 'percent', end: i + 1 };
  if (text[i] === 'x' && !isWordChar(text[i + 1])) return { unit: 'x', kind: 'factor', end: i + 1 };
  if (text[i] === ' ' && text[i + 1] !== ' ') i++;
  const parts: string[] = [];
  let kind: UnitKind | undefined;
  let first = true;
  for (;;) {
    let j = i;
    if (!first || text[j] === '/') {
      if (text[j] !== '/') break;
      j++;
    }
    UNIT_WORD.lastIndex = j;
    const w = UNIT_WORD.exec(text);
    const k = w ? unitKind(w[0]) : undefined;
    if (!w || !k) break;
    kind ??= k;
    // "10 GB/day" is still data per time; a leading count ("10 req/s") makes a rate.
    if (!first && kind === 'count' && k === 'time') kind = 'rate';
    parts.push((j > i ? '/' : '') + w[0]);
    i = j + w[0].length;
    first = false;
  }
  if (!kind) return undefined;
  return { unit: parts.join(''), kind, end: i };
}

/** Every number in `text`, in order, with its unit when one is written after it. */
export function scanNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  const digit = /\d|\.\d/g;
  let m: RegExpExecArray | null;
  while ((m = digit.exec(text))) {
    let start = m.index;
    const before = text[start - 1];
    // A name such as p99, H100 or GPT-4, the middle of 1.2.3, or a URL path (/v2/123): not a quantity.
    if (isWordChar(before) || before === '.' || before === ',' || before === '/' || (before === '-' && isWordChar(text[start - 2]))) {
      digit.lastIndex = skipToken(text, start);
      continue;
    }
    const n = readNumber(text, start);
    if (!n) {
      digit.lastIndex = start + 1;
      continue;
    }
    if (isWordChar(text[n.end]) && !/^(?:x|[\p{L}$µ]+)/u.test(text.slice(n.end, n.end + 12))) {
      digit.lastIndex = skipToken(text, start);
      continue;
    }
    const raw = text.slice(start, n.end);
    let unitPart = readUnit(text, n.end);
    // A glued word that is not a unit ("3rd", "2fa") makes the whole token a name.
    if (!unitPart && isWordChar(text[n.end])) {
      digit.lastIndex = skipToken(text, start);
      continue;
    }
    const mention: NumberMention = { value: n.value, raw, start, end: n.end };
    let dollar = false;
    if (before === '$') {
      mention.start = start - 1;
      start--;
      dollar = true;
    }
    if (unitPart) {
      mention.unit = (dollar ? '$' : '') + unitPart.unit;
      mention.unitKind = dollar ? 'currency' : unitPart.kind;
      mention.end = unitPart.end;
    } else if (dollar) {
      mention.unit = '$';
      mention.unitKind = 'currency';
    }
    out.push(mention);
    digit.lastIndex = Math.max(n.end, unitPart?.end ?? 0);
    unitPart = undefined;
  }
  return out;
}

function skipToken(text: string, from: number): number {
  let i = from;
  while (i < text.length && /[\p{L}\p{N}_.,-]/u.test(text[i] ?? '')) i++;
  return Math.max(i, from + 1);
}
