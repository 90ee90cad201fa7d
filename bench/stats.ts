/** Small statistics for repeated measurements. */

/** The median; for an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median and range of repeated measurements: the range is the spread the bench reports. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  count: number;
}

export function summarise(values: readonly number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), count: values.length };
}

/** The nearest-rank percentile `p` (0 < p ≤ 100) of `sorted` (ascending): the smallest value with at least p % of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  // Rounded first: 99.9 / 100 * 1000 is 999.0000000000001 in floating point, whose ceiling would skip a rank.
  const rank = Math.ceil(Number(((p / 100) * sorted.length).toFixed(9)));
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}
