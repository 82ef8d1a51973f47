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

// Where a series settled: the first index of its last third (tune's and compare's "steady
// RSS" is the median from there; Go's forecast replays from there).
export function lastThirdStart(length: number): number {
  return Math.floor((length * 2) / 3);
}

// The median of the last third of the values, or null when there are none.
export function steadyLevel(values: readonly number[]): number | null {
  return values.length === 0 ? null : median(values.slice(lastThirdStart(values.length)));
}
