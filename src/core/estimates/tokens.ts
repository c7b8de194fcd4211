import { readNumber } from '../numbers.js';

/** A number as written in an estimate line, with what the fix needs to rewrite it the author's way. */
export interface NumToken {
  kind: 'num';
  /** The number's value, suffixes (K, M, B) and 10^N applied; a percentage is not divided yet. */
  value: number;
  /** Offsets of the digits (no "$", no unit) within the line. */
  start: number;
  end: number;
  raw: string;
  percent: boolean;
  dollar: boolean;
  /** A unit glued to the number ("5MB", "2x") or the first word after it ("ms", "req/s"). */
  unit?: string;
  /** Offsets of the whole written quantity: "$" and anything glued ("%", "/hr", "MB") included. */
  from: number;
  to: number;
}

export type Token =
  | NumToken
  | { kind: 'op'; op: '+' | '-' | '*' | '/' | '^'; start: number; end: number }
  | { kind: 'lparen' | 'rparen'; start: number; end: number }
  | { kind: 'rel'; start: number; end: number }
  | { kind: 'word'; text: string; start: number; end: number }
  | { kind: 'stop'; text: string; start: number; end: number };

const SPACE = /\s/;
const WORD_CHAR = /[\p{L}\p{N}_$µ%'’]/u;

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/**
 * Splits one line of prose into the tokens of arithmetic. Operators that are
 * also prose ("x", "-", "/") count only with spaces around them; a unit
 * written right after a number annotates it; anything glued to digits that is
 * not a unit (dates, versions, 2/3, p99) is a word.
 */
export function tokenize(line: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = line.length;
  const spaced = (at: number, len: number): boolean => (at === 0 || SPACE.test(line[at - 1] ?? '')) && SPACE.test(line[at + len] ?? ' ');
  while (i < n) {
    const c = line[i] ?? '';
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    const two = line.slice(i, i + 2);
    if (two === '~=' || two === '->' || two === '=>') {
      out.push(two === '=>' ? { kind: 'stop', text: two, start: i, end: i + 2 } : { kind: 'rel', start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if (two === '<=' || two === '>=' || two === '==' || two === '!=') {
      out.push(two === '==' ? { kind: 'rel', start: i, end: i + 2 } : { kind: 'stop', text: two, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    // "~20 MB" means about 20 MB: a tilde glued to a number is not a relation.
    if (c === '~' && /[\d$.]/.test(line[i + 1] ?? '')) {
      out.push({ kind: 'stop', text: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === '≈' || c === '=' || c === '→' || c === '≃' || c === '~') {
      out.push({ kind: 'rel', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === '×' || c === '*' || c === '·') {
      out.push({ kind: 'op', op: '*', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === '÷') {
      out.push({ kind: 'op', op: '/', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === '+' || c === '^') {
      out.push({ kind: 'op', op: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    if ((c === '-' || c === '−' || c === '/' || c === 'x' || c === 'X') && spaced(i, 1)) {
      const op = c === '/' ? '/' : c === 'x' || c === 'X' ? '*' : '-';
      out.push({ kind: 'op', op, start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      out.push({ kind: c === '(' ? 'lparen' : 'rparen', start: i, end: i + 1 });
      i++;
      continue;
    }
    const dollar = c === '$' && (isDigitAt(line, i + 1) || (line[i + 1] === '.' && isDigitAt(line, i + 2)));
    const at = dollar ? i + 1 : i;
    if (isDigitAt(line, at) || (line[at] === '.' && isDigitAt(line, at + 1))) {
      const num = readNumber(line, at);
      if (num) {
        const tok = numberToken(line, at, num.value, num.end, dollar);
        if (tok) {
          out.push(tok.token);
          i = tok.next;
          continue;
        }
      }
    }
    if (WORD_CHAR.test(c) || (c === '-' && WORD_CHAR.test(line[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < n && (WORD_CHAR.test(line[j] ?? '') || ((line[j] === '/' || line[j] === '-' || line[j] === '.' || line[j] === '@') && WORD_CHAR.test(line[j + 1] ?? '')))) j++;
      out.push({ kind: 'word', text: line.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    out.push({ kind: 'stop', text: c, start: i, end: i + 1 });
    i++;
  }
  return out;
}

const GLUED_UNIT = /^(?:x|%|\/?[\p{L}µ$]+(?:\/[\p{L}µ$]+)*)(?![\p{L}\p{N}_])/u;

function numberToken(line: string, start: number, value: number, end: number, dollar: boolean): { token: NumToken; next: number } | undefined {
  const after = line[end] ?? '';
  // Glued to more digits, a date, a version, a ratio or a time of day: not a quantity.
  if ((after === '-' || after === '/' || after === ':' || after === '.' || after === ',') && /[\p{L}\p{N}]/u.test(line[end + 1] ?? '')) {
    if (!(after === '/' && /\p{L}/u.test(line[end + 1] ?? ''))) return undefined;
  }
  const before = line[start - (dollar ? 2 : 1)];
  if (before !== undefined && /[\p{L}\p{N}_.@#]/u.test(before)) return undefined;
  const token: NumToken = { kind: 'num', value, start, end, raw: line.slice(start, end), percent: false, dollar, from: dollar ? start - 1 : start, to: end };
  let next = end;
  if (/[\p{L}%/µ$]/u.test(after)) {
    const m = GLUED_UNIT.exec(line.slice(end));
    if (!m) return undefined;
    if (m[0] === '%') token.percent = true;
    else token.unit = m[0].replace(/^\//, dollar ? '$/' : '/');
    next = end + m[0].length;
  } else if (after === ' ') {
    const m = /^ ((?:[\p{L}µ$]+)(?:\/[\p{L}µ$]+)*)(?![\p{L}\p{N}_/-])/u.exec(line.slice(end));
    if (m?.[1] && !(m[1] === 'x' || m[1] === 'X')) token.unit = m[1];
  }
  if (dollar && !token.unit) token.unit = '$';
  token.to = next;
  return { token, next };
}
