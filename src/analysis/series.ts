// A time series as two parallel arrays: times in milliseconds since the run started and
// values in bytes. Parallel arrays keep 86,400-sample recordings cheap to slice.
export interface Series {
  tMs: number[];
  values: number[];
}

// The median of a list of numbers (NaN when empty). Copies before sorting.
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
