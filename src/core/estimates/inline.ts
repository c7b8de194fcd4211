import { dataFactor, timeFactor, unitFamily } from './units.js';
import { formatLike } from './format.js';
import { tokenize, type NumToken, type Token } from './tokens.js';

type Expr = { kind: 'num'; tok: NumToken } | { kind: 'bin'; op: '+' | '-' | '*' | '/' | '^'; l: Expr; r: Expr };

/** One reading of a line: which unit families are converted to their base unit, and whether a "B" suffix is bytes. */
interface Reading {
  data: boolean;
  time: boolean;
  /** "40B" read as 40 bytes rather than 40 billion. */
  bytes: boolean;
}
const READINGS: readonly Reading[] = [false, true].flatMap((bytes) =>
  [
    { data: false, time: false },
    { data: true, time: false },
    { data: false, time: true },
    { data: true, time: true },
  ].map((r) => ({ ...r, bytes })),
);

function isBSuffix(tok: NumToken): boolean {
  return tok.raw.endsWith('B') && !tok.unit;
}

/** A stated result checked against the arithmetic next to it, with offsets within the line. */
export interface InlineCheck {
  /** The stated number (digits only, no "$" or unit). */
  stated: NumToken;
  /** True when some reading of the line gives the stated result within the tolerance. */
  holds: boolean;
  /** What the closest reading computes, in the stated number's own unit. */
  computed: number;
  /** The computed value written the way the author wrote the stated one ("" when the check holds). */
  replacement: string;
  /** Offsets of the arithmetic side within the line. */
  exprStart: number;
  exprEnd: number;
}

function value(tok: NumToken, r: Reading): number {
  let v = tok.percent ? tok.value / 100 : tok.value;
  if (r.bytes && isBSuffix(tok)) v /= 1e9;
  if (r.data) v *= dataFactor(tok.unit);
  if (r.time) v *= timeFactor(tok.unit);
  return v;
}

function evaluate(e: Expr, r: Reading): number {
  if (e.kind === 'num') return value(e.tok, r);
  const a = evaluate(e.l, r);
  const b = evaluate(e.r, r);
  switch (e.op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '^':
      return a ** b;
  }
}

/** True for arithmetic: an operator, or a power such as 2^10 (10^N alone is just a way to write a number). */
function hasOp(e: Expr): boolean {
  return e.kind === 'bin' || (/\^/.test(e.tok.raw) && !/^10\^/.test(e.tok.raw));
}

/** Recursive-descent parser over tokens [from, to): sums of products of powers of operands. */
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
      if (!e || this.#peek()?.kind !== 'rparen') return undefined;
      this.#i++;
      this.#skipWords();
      return e;
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
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

function distance(stated: number, computed: number): number {
  if (stated === 0 || computed === 0 || stated * computed < 0) return Number.POSITIVE_INFINITY;
  return Math.abs(Math.log(stated / computed));
}

function check(stated: NumToken, expr: Expr, exprStart: number, exprEnd: number, tolerance: number): InlineCheck | undefined {
  let best: { r: Reading; computed: number; d: number } | undefined;
  let holds = false;
  for (const r of READINGS) {
    const computed = evaluate(expr, r);
    const s = value(stated, r);
    if (!Number.isFinite(computed)) continue;
    if (close(s, computed, tolerance)) holds = true;
    const d = distance(s, computed);
    if (!best || d < best.d) best = { r, computed, d };
  }
  if (!best) return undefined;
  // Back into the stated number's own unit and scale.
  let inOwnUnit = best.computed;
  if (best.r.bytes && isBSuffix(stated)) inOwnUnit *= 1e9;
  if (best.r.data) inOwnUnit /= dataFactor(stated.unit);
  if (best.r.time) inOwnUnit /= timeFactor(stated.unit);
  if (stated.percent) inOwnUnit *= 100;
  // Formatting is only needed for a fix, so a line that holds never pays for it.
  return { stated, holds, computed: inOwnUnit, replacement: holds ? '' : formatLike(inOwnUnit, stated.raw), exprStart, exprEnd };
}

function span(tokens: Token[], fromIdx: number, toIdx: number): [number, number] {
  const first = tokens[fromIdx];
  const last = tokens[toIdx - 1];
  const start = first?.kind === 'num' ? first.from : (first?.start ?? 0);
  const end = last?.kind === 'num' ? last.to : (last?.end ?? start);
  return [start, end];
}

const ARITHMETIC = /^[/*\\^+×÷−-]$/;

/** True for an operator next to an expression that the expression could not take in. */
function dangling(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'op' || (t.kind === 'stop' && ARITHMETIC.test(t.text)));
}

/** At most this many tokens before a relation are tried as the start of its arithmetic. */
const LOOKBACK = 48;

/**
 * Every checkable relation in one line: arithmetic on one side of "=", "≈",
 * "~", "→" and a single stated number on the other, or two quantities of one
 * unit family ("86,400 s ≈ 1 day"). Lines that do not read as arithmetic give
 * nothing, so prose is never second-guessed.
 */
export function checkLine(line: string, tolerance: number): InlineCheck[] {
  if (!/[=≈~→]/.test(line) || !/\d/.test(line)) return [];
  const tokens = tokenize(line);
  const out: InlineCheck[] = [];
  let segStart = 0;
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k]?.kind !== 'rel') continue;
    const rel = k;
    let lhs: { expr: Expr; from: number } | undefined;
    // An arithmetic side that touches an operator it could not read ("(a + b) /4", "2\\*1 minute") is incomplete: leave the line alone.
    for (let a = Math.max(segStart, rel - LOOKBACK); a < rel; a++) {
      const kind = tokens[a]?.kind;
      if (kind !== 'num' && kind !== 'lparen') continue;
      const e = parseWhole(tokens, a, rel);
      if (e) {
        lhs = { expr: e, from: a };
        break;
      }
    }
    let next = rel + 1;
    while (next < tokens.length && tokens[next]?.kind !== 'rel') next++;
    const rhs = parsePrefix(tokens, rel + 1, next);
    segStart = rel + 1;
    if (!lhs || !rhs) continue;
    if (dangling(tokens[lhs.from - 1]) || dangling(tokens[rhs.end]) || tokens[rhs.end]?.kind === 'num') continue;
    const [ls, le] = span(tokens, lhs.from, rel);
    const [rs, re] = span(tokens, rel + 1, rhs.end);
    let c: InlineCheck | undefined;
    if (hasOp(lhs.expr) && rhs.expr.kind === 'num' && !hasOp(rhs.expr)) c = check(rhs.expr.tok, lhs.expr, ls, le, tolerance);
    // "label -> (a + b) / 2 = 16.7": arithmetic that runs into another relation states its result there.
    else if (lhs.expr.kind === 'num' && !hasOp(lhs.expr) && hasOp(rhs.expr) && tokens[rhs.end]?.kind !== 'rel') c = check(lhs.expr.tok, rhs.expr, rs, re, tolerance);
    else if (lhs.expr.kind === 'num' && rhs.expr.kind === 'num' && !hasOp(lhs.expr) && !hasOp(rhs.expr)) {
      // Two bare quantities: a conversion ("86,400 s ≈ 1 day") when both are data or time in different units.
      const a = lhs.expr.tok;
      const b = rhs.expr.tok;
      const family = unitFamily(a.unit);
      // "1 minute = 60 s" converts; "1 minute" and "2 minutes" are one unit, so there is nothing to convert.
      const differ = dataFactor(a.unit) !== dataFactor(b.unit) || timeFactor(a.unit) !== timeFactor(b.unit);
      if (family && family === unitFamily(b.unit) && differ) c = check(b, lhs.expr, ls, le, tolerance);
    }
    if (c) out.push(c);
  }
  return out;
}
