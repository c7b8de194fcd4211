/**
 * Conversion factors for the units estimates are written in: bytes and
 * seconds are the base. A unit string such as "GB/day", "tokens/s/GPU" or
 * "$/hr" is read as a numerator word over denominator words.
 */

const DATA: Record<string, number> = {
  b: 1 / 8, bit: 1 / 8, bits: 1 / 8,
  B: 1, byte: 1, bytes: 1,
  KB: 1e3, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, PB: 1e15, EB: 1e18,
  KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40, PiB: 2 ** 50,
};
const DAY = 86_400;
const TIME: Record<string, number> = {
  ns: 1e-9, us: 1e-6, 'µs': 1e-6, ms: 1e-3,
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: DAY, day: DAY, days: DAY,
  week: 7 * DAY, weeks: 7 * DAY, wk: 7 * DAY,
  // A month of 730 hours (a year / 12), the figure cloud prices use.
  month: 730 * 3600, months: 730 * 3600, mo: 730 * 3600,
  year: 365 * DAY, years: 365 * DAY, yr: 365 * DAY, yrs: 365 * DAY,
};
// Rates whose time base is in the name.
const PER_SECOND = new Set(['qps', 'rps', 'tps']);
const PER_MINUTE = new Set(['qpm', 'rpm']);

function lookup(table: Record<string, number>, word: string): number | undefined {
  return table[word] ?? (word.length > 2 ? table[word.toLowerCase()] : undefined);
}

function split(unit: string): { num: string; den: string[] } {
  const [num = '', ...den] = unit.split('/');
  return { num, den };
}

const memo = new Map<string, number>();

function memoised(kind: 'd' | 't', unit: string, compute: () => number): number {
  const key = kind + unit;
  let v = memo.get(key);
  if (v === undefined) {
    v = compute();
    if (memo.size > 4096) memo.clear();
    memo.set(key, v);
  }
  return v;
}

/** Bytes per one of `unit` ("GB" → 1e9), or 1 when the unit holds no data unit. */
export function dataFactor(unit: string | undefined): number {
  if (!unit) return 1;
  return memoised('d', unit, () => computeData(unit));
}

function computeData(unit: string): number {
  const { num, den } = split(unit);
  let f = lookup(DATA, num) ?? 1;
  for (const d of den) f /= lookup(DATA, d) ?? 1;
  return f;
}

/** Seconds per one of `unit` ("ms" → 0.001, "req/day" → 1/86,400, "QPS" → 1), or 1 when it holds no time unit. */
export function timeFactor(unit: string | undefined): number {
  if (!unit) return 1;
  return memoised('t', unit, () => computeTime(unit));
}

function computeTime(unit: string): number {
  const { num, den } = split(unit);
  const lower = num.toLowerCase();
  let f = PER_SECOND.has(lower) ? 1 : PER_MINUTE.has(lower) ? 1 / 60 : (lookup(TIME, num) ?? 1);
  for (const d of den) f /= lookup(TIME, d) ?? 1;
  return f;
}

/** The family of a unit's numerator: "data" (GB, bytes), "time" (ms, day), or undefined for anything else. */
export function unitFamily(unit: string | undefined): 'data' | 'time' | undefined {
  if (!unit) return undefined;
  const { num } = split(unit);
  if (lookup(DATA, num) !== undefined) return 'data';
  if (lookup(TIME, num) !== undefined) return 'time';
  return undefined;
}
