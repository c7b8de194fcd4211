/**
 * How a computed value is shown to the author (inlay hints, hovers, CodeLens, the HTML export): written the way
 * snapshots write numbers ("20M req/day", "$290.2k", "115,741 req/day", "115.7 req/s"), not as mathjs prints them.
 */

/** Significant digits shown: enough to compare with a stated estimate, few enough to read at a glance. */
const SIGNIFICANT = 4;

const COMPACT: ReadonlyArray<[number, string]> = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
];

/** `value` to at most four significant digits, trailing zeros dropped ("115.7", "0.05", "453"). */
function significant(value: number): string {
  return String(Number(value.toPrecision(SIGNIFICANT)));
}

/** "115741" → "115,741": thousands separators on the whole part. */
function grouped(value: number): string {
  const [whole = '', fraction] = String(value).split('.');
  const out = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? out : `${out}.${fraction}`;
}

/**
 * A number as a snapshot writes it: millions and up with a suffix (20M, 1.157B), thousands with separators
 * (115,741, rounded to whole units), smaller values to four significant digits, tiny and huge ones in exponent
 * form. `currency` writes thousands as "k" the way costs are written ("290.2k", for "$290.2k").
 */
export function formatNumber(value: number, options: { currency?: boolean } = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e15)) {
    const exp = Math.floor(Math.log10(abs));
    return `${sign}${significant(abs / 10 ** exp)}e${exp}`;
  }
  for (const [size, suffix] of COMPACT) {
    // 999,999.6 rounds up to 1M: decide on the rounded value, so it never reads "1,000,000" or "1000k".
    if (Number(abs.toPrecision(SIGNIFICANT)) >= size) return `${sign}${significant(abs / size)}${suffix}`;
  }
  if (abs >= 1000) return options.currency ? `${sign}${significant(abs / 1000)}k` : `${sign}${grouped(Math.round(abs))}`;
  return `${sign}${significant(abs)}`;
}

/** A quantity's unit as shown: "req / day" → "req/day", "GB * s" → "GB·s". */
function unitText(unit: string): string {
  return unit.trim().replace(/\s*\/\s*/g, '/').replace(/\s*\*\s*/g, '·');
}

/**
 * A value with its unit as a snapshot writes it: "20M req/day", "115.7 req/s", and costs with the dollar sign
 * in front ("$290.2k", "$12.5k/month") when the unit is USD.
 */
export function formatQuantity(value: number, unit = ''): string {
  const u = unitText(unit);
  const usd = /^USD(?=$|\/)/.exec(u);
  if (usd) {
    const n = formatNumber(value, { currency: true });
    return `${n.startsWith('-') ? `-$${n.slice(1)}` : `$${n}`}${u.slice(3)}`;
  }
  const n = formatNumber(value);
  return u ? `${n} ${u}` : n;
}
