// Largest-triangle-three-buckets: downsampling a series for display while keeping its
// shape (peaks, dips, steps), not its average.
//
//     ·  ·   ╱╲      buckets of equal count; from each, keep the point that makes the
//   ·   ╱╲ ╱  ╲  ·   largest triangle with the point kept from the bucket before and the
//      ╱  ╲    ·     mean of the bucket after. First and last points are always kept.
//
// Sveinn Steinarsson, "Downsampling Time Series for Visual Representation", MSc thesis,
// University of Iceland, 2013, algorithm 4.2. O(n). Returns the indices kept, so that
// several series sampled together (the breakdown's parts) can keep the same instants.

export function lttbIndices(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  threshold: number,
): number[] {
  const n = x.length;
  if (threshold >= n || threshold < 3) return Array.from({ length: n }, (_, i) => i);
  const kept = [0];
  const bucketSize = (n - 2) / (threshold - 2);
  let a = 0;
  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    // The next bucket's mean: the third corner of the triangle.
    const nextStart = Math.floor((bucket + 1) * bucketSize) + 1;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, n);
    let meanX = 0;
    let meanY = 0;
    for (let i = nextStart; i < nextEnd; i++) {
      meanX += x[i]!;
      meanY += y[i]!;
    }
    const count = Math.max(1, nextEnd - nextStart);
    meanX /= count;
    meanY /= count;
    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.floor((bucket + 1) * bucketSize) + 1;
    let best = start;
    let bestArea = -1;
    for (let i = start; i < end; i++) {
      const area = Math.abs((x[a]! - meanX) * (y[i]! - y[a]!) - (x[a]! - x[i]!) * (meanY - y[a]!));
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    kept.push(best);
    a = best;
  }
  kept.push(n - 1);
  return kept;
}
