/**
 * Splits one line of prose into the tokens of arithmetic, reading numbers the
 * ways people write them in estimates: 1,000 and 500 000, 1.5M, 300 M, 400
 * Million, 10^6, 10⁶, 4.2×10^22, $3/M, 20 %. Operators that are also prose
 * ("x", "-", "/") count only with spaces around them; anything glued to digits
 * that is not a unit (dates, versions, 2/3, p99) is a word. Linear in the line.
 */

/** A number as written in an estimate line, with what the fix needs to rewrite it the author's way. */
export interface NumToken {
  kind: 'num';
  /** The number's value, multipliers (K, M, million) and powers applied; a percentage is not divided yet. */
  value: number;
  /** Offsets of the digits and multiplier (no "$", no unit) within the line. */
  start: number;
  end: number;
  raw: string;
  percent: boolean;
  dollar: boolean;
  /** A unit glued to the number ("5MB", "2x") or the first words after it ("ms", "req/s", "terabytes per day"). */
  unit?: string;
  /** "$3/M", "$0.50 per 1M": the unit is per this many (1e6), so the value per single unit is value / per. */
  per?: number;
  /** True when a bare "B" multiplier ("21.6 B", "40B") may be billions or bytes: both readings are tried. */
  bytesOrBillions?: boolean;
  /** Offsets of the whole written quantity: "$" and anything glued ("%", "/hr", "MB") included. */
  from: number;
  to: number;
}

export type Token =
  | NumToken
  | { kind: 'op'; op: '+' | '-' | '*' | '/' | '^'; start: number; end: number }
  | { kind: 'lparen' | 'rparen'; start: number; end: number; fn?: 'ceil' | 'floor' }
  | { kind: 'rel'; start: number; end: number }
  | { kind: 'word'; text: string; start: number; end: number }
  | { kind: 'stop'; text: string; start: number; end: number };

/** Multipliers written after a number, glued ("10K", "3bn") or spaced ("300 M"). */
export const SUFFIXES: Readonly<Record<string, number>> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9, bn: 1e9, T: 1e12 };
/** Multipliers written as words ("400 Million", "1.7 billion"). */
export const WORD_MULTIPLIERS: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, mil: 1e6, mln: 1e6, billion: 1e9, trillion: 1e12 };

const SUPERSCRIPT: Readonly<Record<string, string>> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-' };
const SPACE = /[\s\u00a0\u2009\u202f]/;
const WORD_CHAR = /[\p{L}\p{N}_$µ%'’]/u;
const LETTER = /\p{L}/u;
/** Words that make an operator or relation of prose between two quantities. */
const TIME_WORDS = /^(?:s|sec|secs|second|seconds|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|week|weeks|month|months|mo|year|years|yr|yrs)$/i;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** The run of digits from `i`, in O(run). */
function digitsEnd(s: string, i: number): number {
  let j = i;
  while (isDigit(s[j])) j++;
  return j;
}

/**
 * Reads a number literal at `start`: digits with "," or space thousands ("1,000", "500 000"), a fraction, an
 * exponent ("1e6"), a power ("10^6", "10⁶"), a scientific product ("4.2×10^22", "1.33x10²⁶") and a multiplier
 * ("K", "bn", " M", " million"). Undefined when no number starts there.
 */
export function readLiteral(line: string, start: number, scientific = true): { value: number; end: number; b: boolean } | undefined {
  let i = start;
  let text = '';
  if (isDigit(line[i])) {
    const first = digitsEnd(line, i);
    text = line.slice(i, first);
    i = first;
    // Thousands separators: "," always; a single space only between groups of exactly three digits.
    if (first - start <= 3) {
      for (;;) {
        const sep = line[i];
        if ((sep === ',' || sep === ' ' || sep === '\u00a0' || sep === '\u2009' || sep === '\u202f') && isDigit(line[i + 1])) {
          const e = digitsEnd(line, i + 1);
          // A space-separated group must end the number ("500 000 req", not "2 100-ms windows").
          if (e - (i + 1) === 3 && !(sep !== ',' && /[\p{L}\p{N}_,.-]/u.test(line[e] ?? ''))) {
            text += line.slice(i + 1, e);
            i = e;
            continue;
          }
        }
        break;
      }
    }
  }
  if (line[i] === '.' && isDigit(line[i + 1])) {
    const e = digitsEnd(line, i + 1);
    text += line.slice(i, e);
    i = e;
  }
  if (!text || text === '.') return undefined;
  let value = Number(text);
  // An exponent, a power, or a superscript power.
  if ((line[i] === 'e' || line[i] === 'E') && (isDigit(line[i + 1]) || ((line[i + 1] === '-' || line[i + 1] === '+') && isDigit(line[i + 2])))) {
    const sign = line[i + 1] === '-' ? -1 : 1;
    const from = isDigit(line[i + 1]) ? i + 1 : i + 2;
    const e = digitsEnd(line, from);
    if (!LETTER.test(line[e] ?? '')) {
      value *= 10 ** (sign * Number(line.slice(from, e)));
      i = e;
    }
  } else if (line[i] === '^' || (line[i] === ' ' && line[i + 1] === '^' && line[i + 2] === ' ')) {
    const at = line[i] === '^' ? i + 1 : i + 3;
    const from = line[at] === ' ' ? at + 1 : at;
    if (isDigit(line[from])) {
      const e = digitsEnd(line, from);
      value = value ** Number(line.slice(from, e));
      i = e;
    }
  } else if (SUPERSCRIPT[line[i] ?? ''] !== undefined) {
    let exp = '';
    while (SUPERSCRIPT[line[i] ?? ''] !== undefined) exp += SUPERSCRIPT[line[i++] ?? ''];
    value = value ** Number(exp);
  }
  // "4.2×10^22", "1.33x10²⁶": one number in scientific notation.
  // The power is read as a plain literal: one level, so a chain "1×10^1×10^1…" cannot recurse once per link.
  const sci = scientific ? /^[×x*·]10(?=\^|[⁰¹²³⁴⁵⁶⁷⁸⁹⁻])/.exec(line.slice(i, i + 6)) : null;
  if (sci) {
    const power = readLiteral(line, i + sci[0].length - 2, false);
    if (power) {
      value *= power.value;
      i = power.end;
    }
  }
  // A multiplier: glued ("1.5M", "3bn"), spaced capital ("300 M", "21.6 B") or a word ("400 Million").
  let b = false;
  const glued = /^(bn|[kKMBT])(?![\p{L}\p{N}_])/u.exec(line.slice(i, i + 3));
  const spaced = /^ ([KMBT])(?![\p{L}\p{N}_/])/u.exec(line.slice(i, i + 3));
  const word = /^ (thousand|million|mil|mln|billion|trillion)\b/i.exec(line.slice(i, i + 10));
  if (glued?.[1]) {
    value *= SUFFIXES[glued[1]] ?? 1;
    b = glued[1] === 'B';
    i += glued[1].length;
  } else if (spaced?.[1]) {
    value *= SUFFIXES[spaced[1]] ?? 1;
    b = spaced[1] === 'B';
    i += 2;
  } else if (word?.[1]) {
    value *= WORD_MULTIPLIERS[word[1].toLowerCase()] ?? 1;
    i += word[0].length;
  }
  return Number.isFinite(value) ? { value, end: i, b } : undefined;
}

const GLUED_UNIT = /^(?:x|%|\/?[\p{L}µ$]+(?:\/[\p{L}µ$]+)*)(?![\p{L}\p{N}_])/u;

/** True when "a/b" at `end` divides: one side is a power or has a multiplier, or both have three digits or more; not a date (a/b/c) or "01". */
function gluedDivision(line: string, start: number, end: number): boolean {
  const right = /^\/([1-9][\d.]*(?:\^\d+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|e\d+|[kKMB]|bn)?)(?![\p{L}\p{N}_/])/u.exec(line.slice(end, end + 24))?.[1];
  if (!right) return false;
  const left = line.slice(start, end);
  const strong = (s: string): boolean => /\^|[⁰¹²³⁴⁵⁶⁷⁸⁹]|e\d|[kKMB]$|bn$/.test(s);
  return strong(left) || strong(right) || (/\d{3}/.test(left) && /\d{3}/.test(right));
}
/** "/M", "/1M", "/1K": per million, per thousand. */
const PER_SCALE = /^\/1?([kKMB])(?![\p{L}\p{N}_])/u;

/**
 * Splits one line into tokens. Relations: "=", "==", ":=", "≈", "≃", "~", "∼", "=~", "~=", "→", "->", "=>",
 * "⇒", and "(or" or ", or" before a restated rate. "~" glued to a number only says "about".
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
    if (two === '~=' || two === '=~' || two === '->' || two === '=>' || two === '==' || two === ':=') {
      out.push({ kind: 'rel', start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if (two === '<=' || two === '>=' || two === '!=') {
      out.push({ kind: 'stop', text: two, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    // "~20 MB", "≈ ~2,400", "= ~ 4": a tilde glued to a number, or right after a relation, says "about".
    if ((c === '~' || c === '∼') && (/[\d$.]/.test(line[i + 1] ?? '') || out[out.length - 1]?.kind === 'rel')) {
      i++;
      continue;
    }
    if (c === '≈' || c === '=' || c === '→' || c === '⇒' || c === '≃' || c === '≅' || c === '~' || c === '∼') {
      out.push({ kind: 'rel', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === '×' || c === '*' || c === '·' || c === '⋅' || c === '✕') {
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
    // A glued "/" right after a number that takes it as a division ("10^9/10^5").
    if (c === '/' && out[out.length - 1]?.kind === 'num' && (out[out.length - 1] as NumToken).to === i && isDigit(line[i + 1])) {
      out.push({ kind: 'op', op: '/', start: i, end: i + 1 });
      i++;
      continue;
    }
    if ((c === '-' || c === '−' || c === '–' || c === '/' || c === 'x' || c === 'X') && spaced(i, 1)) {
      const op = c === '/' ? '/' : c === 'x' || c === 'X' ? '*' : '-';
      out.push({ kind: 'op', op, start: i, end: i + 1 });
      i++;
      continue;
    }
    // "100 billion×1KB": a glued multiplication sign between two quantities.
    if ((c === 'x' || c === 'X') && isDigit(line[i - 1]) && isDigit(line[i + 1]) && !/^[xX]10(?:\^|[⁰¹²³⁴⁵⁶⁷⁸⁹])/.test(line.slice(i, i + 4))) {
      out.push({ kind: 'op', op: '*', start: i, end: i + 1 });
      i++;
      continue;
    }
    // "(or 80 MB per second)": a restatement of the quantity before it, read as a relation.
    if (c === '(' && /^\(or\s/i.test(line.slice(i, i + 4))) {
      out.push({ kind: 'rel', start: i, end: i + 3 });
      i += 3;
      continue;
    }
    if (c === '(' || c === ')' || c === '⌈' || c === '⌉' || c === '⌊' || c === '⌋') {
      const open = c === '(' || c === '⌈' || c === '⌊';
      out.push({ kind: open ? 'lparen' : 'rparen', start: i, end: i + 1, ...(c === '⌈' ? { fn: 'ceil' as const } : c === '⌊' ? { fn: 'floor' as const } : {}) });
      i++;
      continue;
    }
    if (c === ',' && /^,\s+or\s/i.test(line.slice(i, i + 6))) {
      const at = line.indexOf('or', i);
      out.push({ kind: 'rel', start: at, end: at + 2 });
      i = at + 2;
      continue;
    }
    const dollar = c === '$' && (isDigit(line[i + 1]) || (line[i + 1] === '.' && isDigit(line[i + 2])));
    const at = dollar ? i + 1 : i;
    if (isDigit(line[at]) || (line[at] === '.' && isDigit(line[at + 1]))) {
      const num = readLiteral(line, at);
      const tok = num ? numberToken(line, at, num, dollar) : undefined;
      if (tok) {
        out.push(tok.token);
        i = tok.next;
        continue;
      }
      // Not a quantity (a date, a version, a name): skip the whole run of digits and separators at once.
      let j = at;
      while (j < n && /[\p{L}\p{N}_.,:/-]/u.test(line[j] ?? '')) j++;
      out.push({ kind: 'word', text: line.slice(i, j), start: i, end: j });
      i = Math.max(j, i + 1);
      continue;
    }
    if (WORD_CHAR.test(c) || (c === '-' && WORD_CHAR.test(line[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < n && (WORD_CHAR.test(line[j] ?? '') || ((line[j] === '/' || line[j] === '-' || line[j] === '.' || line[j] === '@') && WORD_CHAR.test(line[j + 1] ?? '')))) j++;
      const text = line.slice(i, j);
      const prev = out[out.length - 1];
      // "20 % of 500", "$0.50 per 1M tokens": prose operators between quantities.
      if (/^of$/i.test(text) && prev?.kind === 'num' && prev.percent) out.push({ kind: 'op', op: '*', start: i, end: j });
      else if (/^per$/i.test(text) && prev?.kind === 'num' && /^\s*\$?\d/.test(line.slice(j))) out.push({ kind: 'op', op: '/', start: i, end: j });
      else out.push({ kind: 'word', text, start: i, end: j });
      i = j;
      continue;
    }
    out.push({ kind: 'stop', text: c, start: i, end: i + 1 });
    i++;
  }
  return out;
}

/** The unit written after a number: glued ("5MB", "/hr", "%"), or the next word, with "of <noun>" and "per <time>" ("8 terabytes of data per day"). */
function numberToken(line: string, start: number, num: { value: number; end: number; b: boolean }, dollar: boolean): { token: NumToken; next: number } | undefined {
  const { value, end } = num;
  const after = line[end] ?? '';
  const next1 = line[end + 1] ?? '';
  // Glued to more digits, a date, a version, a ratio or a time of day: not a quantity. A glued "/" between numbers
  // written as powers or with a multiplier, or of three digits or more, is a division ("10^9/10^5", "2048/8").
  if ((after === '-' || after === '/' || after === ':' || after === '.' || after === ',') && /[\p{L}\p{N}]/u.test(next1)) {
    if (!(after === '/' && (LETTER.test(next1) || PER_SCALE.test(line.slice(end, end + 4)) || gluedDivision(line, start, end)))) return undefined;
  }
  const before = line[start - (dollar ? 2 : 1)];
  if (before !== undefined && /[\p{L}\p{N}_.@#]/u.test(before)) return undefined;
  const token: NumToken = { kind: 'num', value, start, end, raw: line.slice(start, end), percent: false, dollar, from: dollar ? start - 1 : start, to: end };
  if (num.b) token.bytesOrBillions = true;
  let next = end;
  const rest = line.slice(end, end + 64);
  const perScale = PER_SCALE.exec(rest);
  if (perScale?.[1]) {
    // "$3/M", "$2.50/1M": the price per million.
    token.unit = `${dollar ? '$' : ''}/${perScale[1]}`;
    token.per = SUFFIXES[perScale[1]] ?? 1;
    next = end + perScale[0].length;
  } else if (/[\p{L}%/µ$]/u.test(after) && !(after === '/' && isDigit(next1))) {
    const m = GLUED_UNIT.exec(rest);
    if (!m) return undefined;
    if (m[0] === '%') token.percent = true;
    else token.unit = m[0].replace(/^\//, dollar ? '$/' : '/');
    next = end + m[0].length;
  } else if (after === ' ' && next1 === '%') {
    // "20 % of …"
    token.percent = true;
    next = end + 2;
  } else if (after === ' ') {
    const m = /^ ((?:[\p{L}µ$]+)(?:\/[\p{L}µ$]+)*)(?![\p{L}\p{N}_/-])/u.exec(rest);
    if (m?.[1] && !(m[1] === 'x' || m[1] === 'X') && !/^(?:or|and|of|per|to|by|at|in|is|are|with)$/i.test(m[1])) {
      token.unit = m[1];
      // "8 working hours", "22 business days": the time is the unit, the word before it says which hours count.
      const counted = /^(?:working|business|calendar|billable|wall-clock|work) (\p{L}+)(?![\p{L}\p{N}_/-])/iu.exec(rest.slice(1));
      if (counted?.[1] && TIME_WORDS.test(counted[1])) token.unit = counted[1];
      // "8 terabytes of data per day", "6 billion API calls per day": a rate, per <time> after a word or two.
      const tail = /^(?: (?:of )?[\p{L}-]+){0,2} per (\p{L}+)/iu.exec(rest.slice(m[0].length));
      if (tail?.[1] && TIME_WORDS.test(tail[1])) token.unit = `${m[1]}/${tail[1]}`;
      // "6.0 KB / vector": the unit is per something, spaced out.
      const over = /^ \/ (\p{L}+)(?![\p{L}\p{N}])/u.exec(rest.slice(m[0].length));
      if (over?.[1] && !tail) {
        token.unit = `${m[1]}/${over[1]}`;
        next = end + m[0].length + over[0].length;
      }
    } else if (/^ per (\p{L}+)/iu.test(rest)) {
      const word = /^ per (\p{L}+)/iu.exec(rest)?.[1] ?? '';
      if (TIME_WORDS.test(word)) token.unit = `/${word}`;
      else if (WORD_MULTIPLIERS[word.toLowerCase()]) {
        token.unit = `${dollar ? '$' : ''}/${word}`;
        token.per = WORD_MULTIPLIERS[word.toLowerCase()] ?? 1;
      }
    } else if (/^ \/ (\p{L}+)(?![\p{L}\p{N}])/u.test(rest)) {
      // "40,000 / s": a rate whose unit is spaced out.
      const word = /^ \/ (\p{L}+)/u.exec(rest)?.[1] ?? '';
      if (TIME_WORDS.test(word)) {
        token.unit = `/${word}`;
        next = end + 3 + word.length;
      }
    }
  }
  if (dollar && !token.unit) token.unit = '$';
  token.to = next;
  return { token, next };
}
