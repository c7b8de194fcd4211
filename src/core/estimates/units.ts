/**
 * Conversion factors for the units estimates are written in: bytes and
 * seconds are the base. A unit string such as "GB/day", "tokens/s/GPU" or
 * "$/hr" is read as a numerator word over denominator words. Capital-then-b
 * units are bits (Gb, Mbps); all-lower-case ones are bytes as people write
 * them in a hurry (30tb, 55pb).
 */

const DATA: Record<string, number> = {
  b: 1 / 8, bit: 1 / 8, bits: 1 / 8,
  B: 1, byte: 1, bytes: 1,
  KB: 1e3, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, PB: 1e15, EB: 1e18,
  kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, pb: 1e15,
  Kb: 1e3 / 8, Mb: 1e6 / 8, Gb: 1e9 / 8, Tb: 1e12 / 8, Pb: 1e15 / 8,
  kbit: 1e3 / 8, Kbit: 1e3 / 8, Mbit: 1e6 / 8, Gbit: 1e9 / 8, Tbit: 1e12 / 8,
  kbyte: 1e3, kbytes: 1e3, kilobyte: 1e3, kilobytes: 1e3, megabyte: 1e6, megabytes: 1e6, gigabyte: 1e9, gigabytes: 1e9,
  terabyte: 1e12, terabytes: 1e12, petabyte: 1e15, petabytes: 1e15,
  KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40, PiB: 2 ** 50,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40,
  // Bits per second: data per second, the time base in the name.
  bps: 1 / 8, kbps: 1e3 / 8, Kbps: 1e3 / 8, Mbps: 1e6 / 8, Gbps: 1e9 / 8, Tbps: 1e12 / 8,
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
const PER_SECOND = new Set(['qps', 'rps', 'tps', 'bps', 'kbps', 'mbps', 'gbps', 'tbps', 'iops']);
const PER_MINUTE = new Set(['qpm', 'rpm']);

function lookup(table: Record<string, number>, word: string): number | undefined {
  return table[word] ?? (word.length > 3 ? table[word.toLowerCase()] : undefined);
}

function split(unit: string): { num: string; den: string[] } {
  const [num = '', ...den] = unit.split('/');
  return { num, den };
}

/** Bytes per one of `unit` ("GB" → 1e9, "Gb" → 1.25e8), or 1 when the unit holds no data unit. */
export function dataFactor(unit: string | undefined): number {
  if (!unit) return 1;
  const { num, den } = split(unit);
  let f = lookup(DATA, num) ?? 1;
  for (const d of den) f /= lookup(DATA, d) ?? 1;
  return f;
}

/** Seconds per one of `unit` ("ms" → 0.001, "req/day" → 1/86,400, "QPS" → 1), or 1 when it holds no time unit. */
export function timeFactor(unit: string | undefined): number {
  if (!unit) return 1;
  const { num, den } = split(unit);
  const lower = num.toLowerCase();
  let f = PER_SECOND.has(lower) ? 1 : PER_MINUTE.has(lower) ? 1 / 60 : (lookup(TIME, num) ?? 1);
  for (const d of den) f /= lookup(TIME, d) ?? 1;
  return f;
}

/** True for a rate: a unit per a time unit ("req/day", "/s", "MB per second" read as "MB/second"), or QPS, Mbps… */
function isRate(unit: string): boolean {
  const { num, den } = split(unit);
  return PER_SECOND.has(num.toLowerCase()) || PER_MINUTE.has(num.toLowerCase()) || den.some((d) => lookup(TIME, d) !== undefined);
}

/** The family of a unit: a rate (anything per time), data (GB, bytes), time (ms, day), or undefined for anything else. */
export function unitFamily(unit: string | undefined): 'data' | 'time' | 'rate' | undefined {
  if (!unit) return undefined;
  if (isRate(unit)) return 'rate';
  const { num } = split(unit);
  if (lookup(DATA, num) !== undefined) return 'data';
  if (lookup(TIME, num) !== undefined) return 'time';
  return undefined;
}
