import { SUFFIXES, WORD_MULTIPLIERS } from './tokens.js';

/** How an author wrote a number: suffix, thousands separators, decimals, significant digits, exponent form. */
interface Style {
  suffix: string;
  commas: boolean;
  /** The thousands separator the author used: "," or a space ("500 000"). */
  separator: string;
  decimals: number;
  significant: number;
  exponent: boolean;
}

/** "400 Million" → " Million"; "300 M" → " M"; "1.5M" → "M": the multiplier as written, space included. */
function suffixOf(raw: string): string {
  return /(?: (?:thousand|million|mil|mln|billion|trillion)| [KMBT]|bn|[kKMBT])$/i.exec(raw)?.[0] ?? '';
}

function multiplier(suffix: string): number {
  const s = suffix.trim();
  return SUFFIXES[s] ?? WORD_MULTIPLIERS[s.toLowerCase()] ?? 1;
}

function styleOf(raw: string): Style {
  const suffix = suffixOf(raw);
  const exponent = /[eE][+-]?\d|\^|[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(raw);
  const mantissa = raw.slice(0, raw.length - suffix.length).replace(/[eE^⁰¹²³⁴⁵⁶⁷⁸⁹×].*$/, '');
  const digits = mantissa.replace(/[^\d]/g, '').replace(/^0+/, '');
  const decimals = /\.(\d+)/.exec(mantissa)?.[1]?.length ?? 0;
  // Trailing zeros of a whole number say nothing about precision ("2,300" has 2 significant digits).
  const significant = decimals ? digits.length : digits.replace(/0+$/, '').length;
  const spaced = /\d[ \u00a0\u2009\u202f]\d{3}/.exec(mantissa);
  return { suffix, commas: mantissa.includes(',') || !!spaced, separator: spaced ? (spaced[0][1] ?? ' ') : ',', decimals, significant: Math.max(1, significant), exponent };
}

function plain(value: number, style: Style): string {
  const abs = Math.abs(value);
  const sig = Math.max(2, style.significant);
  let decimals: number;
  if (abs >= 1 || abs === 0) {
    const intDigits = abs === 0 ? 1 : Math.floor(Math.log10(abs)) + 1;
    decimals = Math.min(Math.max(0, sig - intDigits), Math.max(style.decimals, 0));
  } else {
    decimals = Math.min(12, sig - 1 - Math.floor(Math.log10(abs)));
  }
  const grouping = style.commas || Math.round(abs) >= 10_000;
  const fixed = value.toFixed(decimals);
  if (!grouping) return fixed;
  const [whole = '', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, style.separator);
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * Writes `value` the way the author wrote `raw`: the same suffix (K, M, B),
 * thousands separators, and rounding to the author's significant digits
 * (at least two) without dropping whole digits.
 */
export function formatLike(value: number, raw: string): string {
  const style = styleOf(raw);
  if (!Number.isFinite(value)) return String(value);
  if (style.exponent) {
    if (value === 0) return '0';
    const exp = Math.floor(Math.log10(Math.abs(value)));
    const mantissa = String(Number((value / 10 ** exp).toPrecision(Math.max(2, style.significant))));
    if (raw.includes('^') || /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(raw)) return mantissa === '1' ? `10^${exp}` : `${mantissa}×10^${exp}`;
    return `${mantissa}e${exp}`;
  }
  if (style.suffix) return `${plain(value / multiplier(style.suffix), style)}${style.suffix}`;
  return plain(value, style);
}
