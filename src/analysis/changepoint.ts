// The last changepoint: where the series' final regime begins.
//
//     bytes          ______________      a warm-up: a ramp, a knee, then flat.
//       │           /                    One straight line fits it badly; two lines
//       │          /                     joined at the knee fit it well. What comes
//       │         /                      after the last knee is what the series does now.
//       │   _____/
//       └────────┼──────────┼────► t
//             knee 1     knee 2 (the last)
//
// Binary segmentation with a piecewise-linear cost: split a segment where two least-squares
// lines leave the least residual sum of squares (RSS₂), accept the split when it removes
// at least KNEE_MIN_GAIN of the one-line residual (RSS₁), then look for a later knee in the
// right part only. A straight leak is fitted by one line (no knee); a ramp that stops, or a
// flat start then a ramp, has one. The knee only chooses the window the plateau rule reads
// (plateau.ts): a knee can show that growth stopped, never that it started.
//
// Method: binary segmentation, A. J. Scott and M. Knott, Biometrics 30 (1974) 507–512;
// segment cost as in the piecewise-linear "broken-stick" regression (J. D. Toms and M. L.
// Lesperance, Ecology 84 (2003) 2034–2041). Cost O(n) per split from prefix sums.

import type { Series } from './series.js';

// Two lines must remove half of what one line leaves unexplained. A straight line plus
// noise gains a few percent from a spurious knee; a ramp that stops gains 80–99%.
export const KNEE_MIN_GAIN = 0.5;
// Fewest points on either side of a knee, and fewest as a share of the segment. Three: a
// Go heap that fills a cache and then GCs every 8 s has three flat live points 20 s later.
export const MIN_SEGMENT_POINTS = 3;
export const MIN_SEGMENT_FRACTION = 0.2;

export interface Knee {
  // Index of the first point of the final regime.
  index: number;
  gain: number;
  // Least-squares slopes of the two lines, per millisecond.
  beforeSlopePerMs: number;
  afterSlopePerMs: number;
}

// The first knee binary segmentation accepts (the strongest), or null.
export function firstKnee(series: Series): Knee | null {
  const found = bestSplit(prefixSums(series), 0, series.values.length);
  return found !== null && found.gain >= KNEE_MIN_GAIN ? found : null;
}

// The strongest knee that ends a short first segment: at least MIN_SEGMENT_POINTS before
// it and no later than `latestIndex`, or null. firstKnee keeps a fifth of the series on
// either side, so in a 31-tick run it cannot see a start-up of 3 ticks (the exec'd image
// at 0.7 MB, then an interpreter and its heap at 31.6, 33.9 and 34.9 MB, then flat).
export function earlyKnee(series: Series, latestIndex: number): Knee | null {
  const end = series.values.length;
  const lastK = Math.min(latestIndex, end - MIN_SEGMENT_POINTS);
  const found = bestSplitIn(prefixSums(series), 0, end, MIN_SEGMENT_POINTS, lastK);
  return found !== null && found.gain >= KNEE_MIN_GAIN ? found : null;
}

// The last accepted knee, or null when one line fits the series.
export function lastKnee(series: Series): Knee | null {
  const sums = prefixSums(series);
  let last: Knee | null = null;
  let start = 0;
  const end = series.values.length;
  for (;;) {
    const found = bestSplit(sums, start, end);
    if (found === null || found.gain < KNEE_MIN_GAIN) return last;
    last = found;
    start = found.index;
  }
}

interface Sums {
  t: Float64Array;
  x: Float64Array;
  tt: Float64Array;
  tx: Float64Array;
  xx: Float64Array;
}

// Cumulative sums from index 0 to i−1, with times and values centred on the first point
// to keep the squares well inside double precision.
function prefixSums(series: Series): Sums {
  const n = series.values.length;
  const sums: Sums = {
    t: new Float64Array(n + 1),
    x: new Float64Array(n + 1),
    tt: new Float64Array(n + 1),
    tx: new Float64Array(n + 1),
    xx: new Float64Array(n + 1),
  };
  const t0 = series.tMs[0] ?? 0;
  const x0 = series.values[0] ?? 0;
  for (let i = 0; i < n; i++) {
    const t = series.tMs[i]! - t0;
    const x = series.values[i]! - x0;
    sums.t[i + 1] = sums.t[i]! + t;
    sums.x[i + 1] = sums.x[i]! + x;
    sums.tt[i + 1] = sums.tt[i]! + t * t;
    sums.tx[i + 1] = sums.tx[i]! + t * x;
    sums.xx[i + 1] = sums.xx[i]! + x * x;
  }
  return sums;
}

// Residual sum of squares of the least-squares line through points [from, to).
function fit(s: Sums, from: number, to: number): number {
  return line(s, from, to).rss;
}

function line(s: Sums, from: number, to: number): { rss: number; slope: number } {
  const n = to - from;
  const st = s.t[to]! - s.t[from]!;
  const sx = s.x[to]! - s.x[from]!;
  const stt = s.tt[to]! - s.tt[from]! - (st * st) / n;
  const stx = s.tx[to]! - s.tx[from]! - (st * sx) / n;
  const sxx = s.xx[to]! - s.xx[from]! - (sx * sx) / n;
  if (stt <= 0) return { rss: Math.max(0, sxx), slope: 0 };
  return { rss: Math.max(0, sxx - (stx * stx) / stt), slope: stx / stt };
}

function bestSplit(s: Sums, start: number, end: number): Knee | null {
  const n = end - start;
  const minSide = Math.max(MIN_SEGMENT_POINTS, Math.ceil(MIN_SEGMENT_FRACTION * n));
  if (n < 2 * minSide) return null;
  return bestSplitIn(s, start, end, start + minSide, end - minSide);
}

// The best knee k in [firstK, lastK] of the segment [start, end).
function bestSplitIn(
  s: Sums,
  start: number,
  end: number,
  firstK: number,
  lastK: number,
): Knee | null {
  if (firstK > lastK) return null;
  const whole = fit(s, start, end);
  if (whole <= 0) return null;
  let bestIndex = -1;
  let bestRss = Number.POSITIVE_INFINITY;
  for (let k = firstK; k <= lastK; k++) {
    const rss = fit(s, start, k) + fit(s, k, end);
    if (rss < bestRss) {
      bestRss = rss;
      bestIndex = k;
    }
  }
  if (bestIndex < 0) return null;
  return {
    index: bestIndex,
    gain: 1 - bestRss / whole,
    beforeSlopePerMs: line(s, start, bestIndex).slope,
    afterSlopePerMs: line(s, bestIndex, end).slope,
  };
}
