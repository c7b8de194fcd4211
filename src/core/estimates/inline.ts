import { dataFactor, timeFactor, unitFamily } from './units.js';
import { formatLike } from './format.js';
import { tokenize, type NumToken, type Token } from './tokens.js';

type Expr = { kind: 'num'; tok: NumToken } | { kind: 'bin'; op: '+' | '-' | '*' | '/' | '^'; l: Expr; r: Expr } | { kind: 'fn'; fn: 'ceil' | 'floor'; arg: Expr };

/**
 * One reading of a line: which unit families are converted to their base unit, and which ambiguous "B"
 * multipliers are bytes (bit i of `bytes` for the i-th such number) rather than billions.
 */
interface Reading {
  data: boolean;
  time: boolean;
  bytes: number;
  /** "$3/M" read per single unit ($0.000003), or as the author may have meant it, per million (3). */
  perUnit: boolean;
}

/** At most this many "B" numbers of a line are read both ways (2^n readings); beyond them, billions. */
const MAX_AMBIGUOUS = 3;
/** A segment with more tokens than this is prose, not a calculation; it is not read (and no line drives recursion deep). */
const MAX_TOKENS = 160;
/** At most this many tokens before a relation are tried as the start of its arithmetic. */
const LOOKBACK = 48;

function readings(ambiguous: number, perScaled: boolean): Reading[] {
  const out: Reading[] = [];
  const combos = 1 << Math.min(ambiguous, MAX_AMBIGUOUS);
  for (const perUnit of perScaled ? [true, false] : [true]) {
    for (let bytes = 0; bytes < combos; bytes++) {
      for (const data of [false, true]) for (const time of [false, true]) out.push({ data, time, bytes, perUnit });
    }
  }
  return out;
}

/** A stated result checked against the arithmetic next to it, with offsets within the line. */
export interface InlineCheck {
  /** The stated number (digits only, no "$" or unit); for a step stated as arithmetic, that arithmetic. */
  stated: NumToken;
  /** True when some reading of the line gives the stated result within the tolerance, or rounded as written. */
  holds: boolean;
  /** What the closest reading computes, in the stated number's own unit. */
  computed: number;
  /** The computed value written the way the author wrote the stated one ("" when the check holds or has no fix). */
  replacement: string;
  /** Offsets of the arithmetic side within the line. */
  exprStart: number;
  exprEnd: number;
}

/** The unit word written after a stated number ("≈ 115 QPS" → " QPS"), when it is not glued to it. */
export function unitWord(line: string, to: number): string {
  const m = /^ ([\p{L}µ$]+(?:\/[\p{L}µ$]+)*)/u.exec(line.slice(to));
  return m ? ` ${m[1]}` : '';
}

/** Numbers read with an index among the line's ambiguous "B" numbers. */
type Indexed = Map<NumToken, number>;

function value(tok: NumToken, r: Reading, ambiguous: Indexed): number {
  let v = tok.percent ? tok.value / 100 : tok.value;
  const k = ambiguous.get(tok);
  if (k !== undefined && k < MAX_AMBIGUOUS && r.bytes & (1 << k)) v /= 1e9;
  if (tok.per && r.perUnit) v /= tok.per;
  if (r.data) v *= dataFactor(tok.unit);
  if (r.time) v *= timeFactor(tok.unit);
  return v;
}

/** Evaluates without recursion, so no expression a line can hold overflows the stack. */
function evaluate(root: Expr, r: Reading, ambiguous: Indexed): number {
  const stack: Array<{ e: Expr; stage: number }> = [{ e: root, stage: 0 }];
  const values: number[] = [];
  while (stack.length) {
    const top = stack[stack.length - 1] as { e: Expr; stage: number };
    const e = top.e;
    if (e.kind === 'num') {
      values.push(value(e.tok, r, ambiguous));
      stack.pop();
    } else if (e.kind === 'fn') {
      if (top.stage === 0) {
        top.stage = 1;
        stack.push({ e: e.arg, stage: 0 });
      } else {
        const v = values.pop() ?? Number.NaN;
        values.push(e.fn === 'ceil' ? Math.ceil(v - 1e-9) : Math.floor(v + 1e-9));
        stack.pop();
      }
    } else if (top.stage === 0) {
      top.stage = 1;
      stack.push({ e: e.l, stage: 0 });
    } else if (top.stage === 1) {
      top.stage = 2;
      stack.push({ e: e.r, stage: 0 });
    } else {
      const b = values.pop() ?? Number.NaN;
      const a = values.pop() ?? Number.NaN;
      values.push(e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? a / b : a ** b);
      stack.pop();
    }
  }
  return values.pop() ?? Number.NaN;
}

/** True for arithmetic: an operator, a ceiling or floor, or a power such as 2^10 (10^N alone is just a way to write a number). */
function hasOp(e: Expr): boolean {
  return e.kind !== 'num' || (/\^|[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(e.tok.raw) && !/^10(?:\^|[⁰¹²³⁴⁵⁶⁷⁸⁹])/.test(e.tok.raw) && !/[×x*·]10/.test(e.tok.raw));
}

/** Recursive-descent parser over tokens [from, to): sums of products of powers of operands, parentheses at most 8 deep. */
class Parser {
  #i: number;
  readonly #t: Token[];
  readonly #to: number;
  depth = 0;

  constructor(tokens: Token[], from: number, to: number) {
    this.#t = tokens;
    this.#i = from;
    this.#to = to;
  }

  get pos(): number {
    return this.#i;
  }

  #peek(): Token | undefined {
    return this.#i < this.#to ? this.#t[this.#i] : undefined;
  }

  #skipWords(): void {
    while (this.#peek()?.kind === 'word') this.#i++;
  }

  operand(): Expr | undefined {
    const t = this.#peek();
    if (t?.kind === 'num') {
      this.#i++;
      this.#skipWords();
      return { kind: 'num', tok: t };
    }
    if (t?.kind === 'lparen' && this.depth < 8) {
      this.#i++;
      this.depth++;
      const e = this.sum();
      this.depth--;
      const close = this.#peek();
      if (!e || close?.kind !== 'rparen') return undefined;
      this.#i++;
      this.#skipWords();
      return t.fn ? { kind: 'fn', fn: t.fn, arg: e } : e;
    }
    return undefined;
  }

  #binary(next: () => Expr | undefined, ops: string[]): Expr | undefined {
    let left = next();
    while (left) {
      const t = this.#peek();
      if (t?.kind !== 'op' || !ops.includes(t.op)) break;
      const save = this.#i;
      this.#i++;
      const right = next();
      if (!right) {
        this.#i = save;
        break;
      }
      left = { kind: 'bin', op: t.op, l: left, r: right };
    }
    return left;
  }

  power(): Expr | undefined {
    return this.#binary(() => this.operand(), ['^']);
  }

  product(): Expr | undefined {
    return this.#binary(() => this.power(), ['*', '/']);
  }

  sum(): Expr | undefined {
    return this.#binary(() => this.product(), ['+', '-']);
  }
}

function parseWhole(tokens: Token[], from: number, to: number): Expr | undefined {
  const p = new Parser(tokens, from, to);
  const e = p.sum();
  return e && p.pos === to ? e : undefined;
}

function parsePrefix(tokens: Token[], from: number, to: number): { expr: Expr; end: number } | undefined {
  const p = new Parser(tokens, from, to);
  const e = p.sum();
  return e ? { expr: e, end: p.pos } : undefined;
}

function close(a: number, b: number, tolerance: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  if (a === b) return true;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b)) + 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * True when `computed`, rounded to the precision `stated` is written with, gives `stated`: "0.02" for 0.0231,
 * "3" for 3.4. Whole numbers that end in zeros ("10,000") say nothing about their precision, so they get no more
 * than the tolerance.
 */
function roundsTo(stated: NumToken, statedValue: number, computed: number): boolean {
  const digits = stated.raw.replace(/^[^\d.]*/, '').replace(/[^\d.].*$/, '');
  if (!/^[\d.]+$/.test(digits) || stated.raw !== digits) return false;
  const decimals = /\.(\d+)$/.exec(digits)?.[1]?.length ?? 0;
  if (decimals === 0 && (/0$/.test(digits) || digits.length > 2)) return false;
  const factor = 10 ** decimals;
  const scale = statedValue / stated.value || 1;
  return Math.round((computed / scale) * factor) / factor === stated.value;
}

function distance(stated: number, computed: number): number {
  if (stated === 0 || computed === 0 || stated * computed < 0) return Number.POSITIVE_INFINITY;
  return Math.abs(Math.log(stated / computed));
}

function numbersOf(e: Expr, into: NumToken[] = []): NumToken[] {
  const stack: Expr[] = [e];
  while (stack.length) {
    const x = stack.pop() as Expr;
    if (x.kind === 'num') into.push(x.tok);
    else if (x.kind === 'fn') stack.push(x.arg);
    else stack.push(x.r, x.l);
  }
  return into;
}

/** Compares the stated side with the arithmetic side under every reading; holds when one reading agrees. */
function check(stated: Expr, expr: Expr, exprStart: number, exprEnd: number, tolerance: number): InlineCheck | undefined {
  const ambiguous: Indexed = new Map();
  for (const t of [...numbersOf(expr), ...numbersOf(stated)]) if (t.bytesOrBillions && !t.unit && !ambiguous.has(t)) ambiguous.set(t, ambiguous.size);
  const single = stated.kind === 'num' ? stated.tok : undefined;
  let best: { r: Reading; computed: number; s: number; d: number } | undefined;
  let holds = false;
  const perScaled = [...numbersOf(expr), ...numbersOf(stated)].some((t) => t.per);
  for (const r of readings(ambiguous.size, perScaled)) {
    const computed = evaluate(expr, r, ambiguous);
    const s = evaluate(stated, r, ambiguous);
    if (!Number.isFinite(computed) || !Number.isFinite(s)) continue;
    if (close(s, computed, tolerance) || (single && roundsTo(single, s, computed))) holds = true;
    const d = distance(s, computed);
    if (!best || d < best.d) best = { r, computed, s, d };
  }
  if (!best) return undefined;
  // "300M × $3 + 100M × $15 = $900 + $1,500": a result a power of a thousand away from the arithmetic, where no data
  // or time unit fixes its scale and the arithmetic has a multiplier, is written in thousands or millions.
  if (!holds && impliedScale(expr, stated)) {
    const { s, computed } = best;
    holds = [1e3, 1e6, 1e9, 1e-3, 1e-6, 1e-9].some((k) => close(s * k, computed, tolerance));
  }
  const tok: NumToken = single ?? { kind: 'num', value: best.s, start: exprStartOf(stated), end: exprEndOf(stated), raw: '', percent: false, dollar: false, from: exprStartOf(stated), to: exprEndOf(stated) };
  if (!single) tok.raw = '';
  // Back into the stated number's own unit and scale.
  let inOwnUnit = best.computed;
  if (single) {
    const k = ambiguous.get(single);
    if (k !== undefined && k < MAX_AMBIGUOUS && best.r.bytes & (1 << k)) inOwnUnit *= 1e9;
    if (single.per && best.r.perUnit) inOwnUnit *= single.per;
    if (best.r.data) inOwnUnit /= dataFactor(single.unit);
    if (best.r.time) inOwnUnit /= timeFactor(single.unit);
    if (single.percent) inOwnUnit *= 100;
  }
  // Formatting is only needed for a fix, so a line that holds never pays for it; a step stated as arithmetic has none.
  return { stated: tok, holds, computed: inOwnUnit, replacement: holds || !single ? '' : formatLike(inOwnUnit, single.raw), exprStart, exprEnd };
}

const MULTIPLIED = /(?:\d|\s)(?:[kKMBT]|bn|thousand|million|billion|trillion)$/i;

function impliedScale(expr: Expr, stated: Expr): boolean {
  const statedNums = numbersOf(stated);
  const hasUnit = statedNums.some((t) => {
    const f = unitFamily(t.unit);
    return f === 'data' || f === 'time' || (f === 'rate' && !t.per);
  });
  return !hasUnit && !statedNums.some((t) => MULTIPLIED.test(t.raw)) && numbersOf(expr).some((t) => MULTIPLIED.test(t.raw));
}

function exprStartOf(e: Expr): number {
  const nums = numbersOf(e);
  return Math.min(...nums.map((t) => t.from));
}

function exprEndOf(e: Expr): number {
  const nums = numbersOf(e);
  return Math.max(...nums.map((t) => t.to));
}

function span(tokens: Token[], fromIdx: number, toIdx: number): [number, number] {
  const first = tokens[fromIdx];
  const last = tokens[toIdx - 1];
  const start = first?.kind === 'num' ? first.from : (first?.start ?? 0);
  const end = last?.kind === 'num' ? last.to : (last?.end ?? start);
  return [start, end];
}

const ARITHMETIC = /^[/*\\^+×÷−-]$/;
/** What a line needs to hold a relation at all (a quick test before tokenizing). */
export const RELATION = /[=≈~∼→⇒≃≅]|->|\(or\s|,\s+or\s/i;
/** Arrows lead to a result of arithmetic; between two bare quantities ("fp16 (2 bytes) -> 1.07 GB") they claim no equality. */
const ARROW = /^(?:→|->|=>|⇒)$/;

/** True for an operator next to an expression that the expression could not take in. */
function dangling(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'op' || (t.kind === 'stop' && ARITHMETIC.test(t.text)));
}

function plain(e: Expr): NumToken | undefined {
  return e.kind === 'num' && !hasOp(e) ? e.tok : undefined;
}

/**
 * Every checkable relation in one line: arithmetic on one side of "=", "≈", "~", "→", "=>" and a stated
 * number on the other; each link of a chain ("a = b = c"); two quantities of one unit family ("86,400 s ≈ 1
 * day", "1 billion req/day ≈ 10,000 QPS"). Lines that do not read as arithmetic give nothing, so prose is never
 * second-guessed.
 */
export function checkLine(line: string, tolerance: number): InlineCheck[] {
  if (!RELATION.test(line) || !/\d/.test(line)) return [];
  const tokens = tokenize(line);
  const out: InlineCheck[] = [];
  const rels = tokens.reduce((n, t) => n + (t.kind === 'rel' ? 1 : 0), 0);
  const arithmetic = tokens.some((t) => t.kind === 'op');
  let segStart = 0;
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k]?.kind !== 'rel') continue;
    const rel = k;
    let next = rel + 1;
    while (next < tokens.length && tokens[next]?.kind !== 'rel') next++;
    const from = Math.max(segStart, rel - LOOKBACK);
    segStart = rel + 1;
    if (rel - from > MAX_TOKENS || next - rel > MAX_TOKENS) continue;
    let lhs: { expr: Expr; from: number } | undefined;
    // An arithmetic side that touches an operator it could not read ("(a + b) /4", "2\\*1 minute") is incomplete: leave the line alone.
    for (let a = from; a < rel; a++) {
      const kind = tokens[a]?.kind;
      if (kind !== 'num' && kind !== 'lparen') continue;
      const e = parseWhole(tokens, a, rel);
      if (e) {
        lhs = { expr: e, from: a };
        break;
      }
    }
    const rhs = parsePrefix(tokens, rel + 1, next);
    if (!lhs || !rhs) continue;
    if (dangling(tokens[lhs.from - 1]) || dangling(tokens[rhs.end]) || tokens[rhs.end]?.kind === 'num') continue;
    const [ls, le] = span(tokens, lhs.from, rel);
    const [rs, re] = span(tokens, rel + 1, rhs.end);
    const rhsRunsOn = tokens[rhs.end]?.kind === 'rel';
    let c: InlineCheck | undefined;
    const l = plain(lhs.expr);
    const r = plain(rhs.expr);
    if (!l && r) c = check(rhs.expr, lhs.expr, ls, le, tolerance);
    // "label -> (a + b) / 2 = 16.7": arithmetic that runs into another relation states its result there.
    // Not after an arrow: "= 8 → 12 with N+50% headroom" goes on to the next step, it does not restate the 8.
    else if (l && !r && !rhsRunsOn && !ARROW.test(line.slice(tokens[rel]?.start ?? 0, tokens[rel]?.end ?? 0))) c = check(lhs.expr, rhs.expr, rs, re, tolerance);
    // A step of a chain stated as arithmetic: "(67.2 − 2.55) / 1.05 = 64.65 / 1.05 = 61.57".
    else if (!l && !r && rhsRunsOn) c = check(rhs.expr, lhs.expr, ls, le, tolerance);
    else if (l && r && !ARROW.test(line.slice(tokens[rel]?.start ?? 0, tokens[rel]?.end ?? 0))) {
      const family = unitFamily(l.unit);
      // "1 minute = 60 s" converts; "1 minute" and "2 minutes" are one unit, so there is nothing to convert.
      const differ = dataFactor(l.unit) !== dataFactor(r.unit) || timeFactor(l.unit) !== timeFactor(r.unit);
      // "(or …)" and ", or …" restate a rate in other units ("8 TB per day (or 92 MB per second)"), nothing else.
      const restates = /or$/i.test(line.slice(tokens[rel]?.start ?? 0, tokens[rel]?.end ?? 0));
      if (family && family === unitFamily(r.unit) && differ && (!restates || family === 'rate')) c = check(rhs.expr, lhs.expr, ls, le, tolerance);
      // A link of a chain of arithmetic between two plain numbers: "= 10^3 = 1K".
      else if (!l.unit && !r.unit && !l.percent && !r.percent && rels > 1 && arithmetic) c = check(rhs.expr, lhs.expr, ls, le, tolerance);
    }
    if (c && !(!c.holds && unsure(line, tokens, from, lhs.from, c))) out.push(c);
  }
  return out;
}

/** A count of working time the author chose ("22 working days", "8 business hours"): not a calendar month or day. */
const CALENDAR = /\b(?:working|business|work|billable)[- ](?:days?|hours?|weeks?)\b|\bweekdays\b|\bworkdays\b/i;
/** A quantity for one of many ("1.2 KB each"): multiplied by a count the line does not write. */
const EACH = /^\s*(?:[\p{L}/-]+\s+){0,2}?(?:each|apiece)\b/iu;
/** A unit with a time inside ("GPU-hours", "node hours", "person-days"): not one the arithmetic converts. */
const TIME_COMPOUND = /\b(?:gpu|node|machine|instance|person|engineer|core|cpu|replica|server|worker|pod|vm|host|man|dev|analyst)s?[- ](?:hours?|hrs?|days?|weeks?|months?|years?)\b/iu;

/**
 * True when a check that does not hold rests on a reading the line does not settle, so the reader stays quiet rather
 * than call a right line wrong: a price, count or period the line implies but does not write ("800 tokens ≈ $0.0002"
 * with no price, "1.2 KB each ≈ 4.9 TB", "$276/day ≈ $6k/month (22 working days)", "≈ 6.3 GPU-hours"), arithmetic
 * that starts before what could be read ("90 QPS per pod (500 candidates each) × 40 pods"), or a factor of one that
 * describes rather than multiplies ("200 candidates × 1 batched call ≈ 1 call").
 */
function unsure(line: string, tokens: Token[], from: number, lhsFrom: number, c: InlineCheck): boolean {
  const operands = tokens.filter((t): t is NumToken => t.kind === 'num' && t.from >= c.exprStart && t.to <= c.exprEnd);
  const stated = c.stated;
  const lone = operands.length === 1;
  // A price implied: every operand counts something (tokens, calls), none is money or a bare factor that could be a price.
  if (stated.dollar && operands.length > 0 && !operands.some((t) => t.dollar || /\$|usd|eur|€|£/i.test(t.unit ?? '') || (!t.unit && !Number.isInteger(t.value)))) return true;
  // A count the line gave earlier and did not multiply in: a lone quantity after it ("90 days of events at ~1.2 KB each
  // ≈ 4.9 TB", "2 × L4 at $0.80/h ≈ …"), or arithmetic that starts at an aside ("90 QPS per pod (500 candidates each) × 40").
  // An earlier number joined to the arithmetic by words only ("350 transactions per customer for 90 days × 1.1 M ×
  // 100 bytes ≈ 38.5 GB") may be one of its factors; one behind a label, a sentence end or a year is not.
  const earlier = tokens.slice(from, lhsFrom).filter((t): t is NumToken => t.kind === 'num').at(-1);
  const joined = !!earlier && !/[:;.!?]/.test(line.slice(earlier.to, c.exprStart)) && !/^(?:19|20)\d\d$/.test(earlier.raw);
  if (earlier && (lone || tokens[lhsFrom]?.kind === 'lparen' || joined)) return true;
  // "3.240 pages": a dot as the thousands separator, as much of Europe writes it.
  if (/^\d{1,3}(?:\.\d{3})+$/.test(stated.raw) && Math.abs(c.computed / (stated.value * 1000) - 1) < 0.1) return true;
  // A period the author counts in working days that the arithmetic does not write ("$276/day ≈ $6k/month (22 working days)").
  if (CALENDAR.test(line) && !operands.some((t) => CALENDAR.test(line.slice(t.to, t.to + 24)))) return true;
  // "1.2 KB each" alone, or added to a total ("650M input tokens + ~2k output each"): a count the line does not multiply in.
  if (operands.some((t) => EACH.test(line.slice(t.to)) && (lone || /[+−-]\s*[~≈]?\s*$/.test(line.slice(0, t.from))))) return true;
  // "≈ 6.3 GPU-hours" from seconds: a time inside the unit, off by exactly a conversion.
  if (TIME_COMPOUND.test(`${line.slice(stated.from, stated.to)}${line.slice(stated.to, stated.to + 16)}`)) {
    const ratio = c.computed / stated.value;
    if ([60, 3600, 86400, 24, 1 / 60, 1 / 3600, 1 / 86400, 1 / 24].some((k) => Math.abs(ratio / k - 1) < 0.1)) return true;
  }
  // "200 candidates × 1 batched call ≈ 1 call": two operands, one of them a single thing.
  if (operands.length === 2 && operands.some((t) => t.value === 1 && t.raw === '1' && !unitFamily(t.unit) && /[×x*/÷]\s*$/.test(line.slice(0, t.from)))) return true;
  // "ceil(4,000 ÷ 3,000) = 2": a function around the arithmetic that the reader does not apply.
  return /\b(?:ceil|floor|round|roundup|rounddown|max|min)\s*\(?\s*$/i.test(line.slice(0, c.exprStart));
}
