import { SUFFIXES } from '../numbers.js';

/** How an author wrote a number: suffix, thousands separators, decimals, significant digits, exponent form. */
interface Style {
  suffix: string;
  commas: boolean;
  decimals: number;
  significant: number;
  exponent: boolean;
}

function styleOf(raw: string): Style {
  const suffix = /(bn|[kKMBT])$/.exec(raw)?.[1] ?? '';
  const exponent = /[eE][+-]?\d|\^/.test(raw);
  const mantissa = raw.slice(0, raw.length - suffix.length).replace(/[eE^].*$/, '');
  const digits = mantissa.replace(/[^\d]/g, '').replace(/^0+/, '');
  const decimals = /\.(\d+)/.exec(mantissa)?.[1]?.length ?? 0;
  // Trailing zeros of a whole number say nothing about precision ("2,300" has 2 significant digits).
  const significant = decimals ? digits.length : digits.replace(/0+$/, '').length;
  return { suffix, commas: mantissa.includes(','), decimals, significant: Math.max(1, significant), exponent };
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
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
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
    if (raw.includes('^')) return mantissa === '1' ? `10^${exp}` : `${mantissa}×10^${exp}`;
    return `${mantissa}e${exp}`;
  }
  if (style.suffix) return `${plain(value / (SUFFIXES[style.suffix] ?? 1), style)}${style.suffix}`;
  return plain(value, style);
}
