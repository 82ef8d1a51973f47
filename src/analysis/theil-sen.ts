// Theil–Sen slope with its 95% confidence interval.
//
// Detects: how fast a series grows, robust to outliers and sawtooth spikes — the median
// of the slopes between every pair of points.
//
//     bytes        ·  ╱ ·
//       │      · ╱·  ·        slope = median{ (x_j − x_i) / (t_j − t_i) }
//       │   · ╱ ·
//       │  ╱·                 interval: the slopes ranked (N ∓ z·√Var(S)) / 2
//       └──────────► t
//
// Method: H. Theil (1950); P. K. Sen, "Estimates of the regression coefficient based on
// Kendall's tau", JASA 63 (1968) 1379–1389. Interval as in R. O. Gilbert, "Statistical
// Methods for Environmental Pollution Monitoring" (1987), §16.5. Var(S) is passed in so
// that the autocorrelation-corrected variance (mann-kendall.ts) widens the interval too.
//
// Cost: all n(n−1)/2 pairs up to MAX_EXACT_PAIRS; beyond that a fixed-seed random sample
// of MAX_EXACT_PAIRS pairs, so the same recording always gives the same slope (the live run
// and `rssdoctor report` must agree).

import { Z_95 } from './normal.js';
import type { Series } from './series.js';
import { xorshift32 } from './xorshift.js';

// 250k pairs is every pair of 707 points; their slope takes 30–40 ms (npm run bench:stats).
export const MAX_EXACT_PAIRS = 250_000;
const SAMPLE_SEED = 0x9e3779b9;

export interface TheilSenResult {
  slopePerMs: number;
  // 95% interval of the slope; NaN when no variance was given.
  lowerPerMs: number;
  upperPerMs: number;
  // Line through the median of (x − slope·t), for drawing.
  intercept: number;
  pairs: number;
  sampled: boolean;
}

// `varianceOf` receives the point slope and returns Var(S) for the interval (the corrected
// test needs the slope first, to detrend); without it the interval is NaN.
export function theilSen(
  series: Series,
  varianceOf?: (slopePerMs: number) => number,
): TheilSenResult {
  const { tMs, values } = series;
  const n = values.length;
  const totalPairs = (n * (n - 1)) / 2;
  const spansTime = n >= 2 && tMs[n - 1]! > tMs[0]!;
  const sampled = totalPairs > MAX_EXACT_PAIRS;
  const slopes = !spansTime
    ? new Float64Array(0)
    : sampled
      ? sampledSlopes(series)
      : allSlopes(series);
  slopes.sort();
  const count = slopes.length;
  if (count === 0) {
    return {
      slopePerMs: Number.NaN,
      lowerPerMs: Number.NaN,
      upperPerMs: Number.NaN,
      intercept: Number.NaN,
      pairs: 0,
      sampled,
    };
  }
  const slope = quantileSorted(slopes, 0.5);
  let lower = Number.NaN;
  let upper = Number.NaN;
  const varianceS = varianceOf?.(slope);
  if (varianceS !== undefined && varianceS >= 0) {
    // Var(S) = 0 only when every value is tied: every slope is 0, and so is the interval.
    // When the interval reaches past the ranked slopes, it is clamped to the extreme slope:
    // wide, as it should be, rather than unknown.
    const c = Z_95 * Math.sqrt(varianceS);
    const m1 = (totalPairs - c) / 2;
    const m2 = (totalPairs + c) / 2;
    // Ranks are 1-based in Gilbert; as fractions they apply to a sample as well.
    const span = Math.max(1, totalPairs - 1);
    lower = quantileSorted(slopes, (m1 - 1) / span);
    upper = quantileSorted(slopes, m2 / span);
  }
  const offsets = values.map((value, i) => value - slope * tMs[i]!).sort((a, b) => a - b);
  const intercept = offsets[offsets.length >> 1]!;
  return {
    slopePerMs: slope,
    lowerPerMs: lower,
    upperPerMs: upper,
    intercept,
    pairs: count,
    sampled,
  };
}

function allSlopes({ tMs, values }: Series): Float64Array {
  const n = values.length;
  const out = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) {
      const dt = tMs[j]! - tMs[i]!;
      if (dt !== 0) out[k++] = (values[j]! - values[i]!) / dt;
    }
  }
  return out.subarray(0, k);
}

function sampledSlopes({ tMs, values }: Series): Float64Array {
  const n = values.length;
  const out = new Float64Array(MAX_EXACT_PAIRS);
  const next = xorshift32(SAMPLE_SEED);
  let k = 0;
  while (k < MAX_EXACT_PAIRS) {
    const a = Math.floor(next() * n);
    const b = Math.floor(next() * n);
    if (a === b) continue;
    const i = Math.min(a, b);
    const j = Math.max(a, b);
    const dt = tMs[j]! - tMs[i]!;
    if (dt === 0) continue;
    out[k++] = (values[j]! - values[i]!) / dt;
  }
  return out;
}

// Linear interpolation between order statistics; q in [0, 1].
function quantileSorted(sorted: Float64Array, q: number): number {
  const position = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  const weight = position - below;
  return sorted[below]! * (1 - weight) + sorted[above]! * weight;
}
