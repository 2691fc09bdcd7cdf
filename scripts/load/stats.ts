/**
 * Nearest-rank percentile: always a latency that was actually observed, so the p99 of a small
 * run is its slowest order rather than a value interpolated between two. null when empty.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export interface LatencySummary {
  count: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
}

export const summarize = (values: readonly number[]): LatencySummary => ({
  count: values.length,
  p50: percentile(values, 50),
  p90: percentile(values, 90),
  p99: percentile(values, 99),
});

/** Milliseconds with one decimal; `na` keeps the LOAD line parseable when nothing was measured. */
export const formatMs = (ms: number | null): string => (ms === null ? 'na' : ms.toFixed(1));

export const tally = (keys: readonly string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
};
