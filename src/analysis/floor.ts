// The floor of a series: bucket minima.
//
//     bytes   /|  /|  /|  /|          raw sawtooth: peaks are garbage not yet collected
//       │    / | / | / | / |
//       │   /  |/  |/  |/  |
//       │   ·   ·   ·   ·             floor: one minimum per bucket
//       └──────────────────► t
//
// The minimum of each bucket follows what survives, not what awaits collection, and it caps
// the number of points handed to the O(n²) trend test. Bucket minima keep the time of the
// minimum itself, so slopes stay in real time units.

import type { Series } from './series.js';

// The trend tests are O(n²): a whole growth finding on 2,000 points takes 85–95 ms
// (npm run bench:stats), and longer series are floored to this many.
export const MAX_TREND_POINTS = 2000;

export function bucketMinima(series: Series, maxPoints: number): Series {
  const n = series.values.length;
  if (n <= maxPoints) return series;
  const bucketSize = Math.ceil(n / maxPoints);
  const tMs: number[] = [];
  const values: number[] = [];
  for (let start = 0; start < n; start += bucketSize) {
    let best = start;
    const end = Math.min(n, start + bucketSize);
    for (let i = start + 1; i < end; i++) if (series.values[i]! < series.values[best]!) best = i;
    tMs.push(series.tMs[best]!);
    values.push(series.values[best]!);
  }
  return { tMs, values };
}
