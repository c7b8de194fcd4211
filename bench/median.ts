// The benchmarks' statistic, shared by the runners (Node) and the probes bundled into the extension host.

/** The median of a sample (the mean of the two middle values when it has an even count); 0 when empty. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}
