// The leak-size rule: is the growth big enough to matter, and surely above zero?
//
//     bytes                 ╱  ← growth = slope × span ≥ max(1 MiB, 2% of the median,
//       │              ╱                                     NOISE_FACTOR × σ̂ of residuals)
//       │         ╱             and the lower bound of the slope's 95% interval > 0
//       │    ╱
//       └──────────► t
//
// A significant trend can still be a small creep (a cache warming, a JIT settling), or a
// slow wander of strongly autocorrelated noise that the corrected test lets through (2 in
// 200 synthetic AR(1) φ = 0.9 series grew 3σ by chance). The growth must therefore also
// stand clear of the series' own fluctuation around its trend line, σ̂ = 1.4826 × MAD of
// the residuals (Hampel 1974). Interval: Theil–Sen, Sen (1968).

import { median, type Series } from './series.js';

// Below 1 MiB over a run, no one restarts a service for it.
export const LEAK_MIN_BYTES = 1024 * 1024;
// Relative floor: growth under 2% of the typical level is within run-to-run variation.
export const LEAK_MIN_FRACTION = 0.02;
// Growth must exceed this many robust standard deviations of the residuals.
export const NOISE_FACTOR = 4;

export interface LeakSizeFinding {
  big: boolean;
  growthBytes: number;
  thresholdBytes: number;
  medianBytes: number;
  residualNoiseBytes: number;
  lowerBoundPositive: boolean;
}

export function leakSize(
  series: Series,
  slopeBytesPerSecond: number,
  lowerBytesPerSecond: number,
  minBytes = LEAK_MIN_BYTES,
): LeakSizeFinding {
  const n = series.tMs.length;
  const spanSeconds = n > 1 ? (series.tMs[n - 1]! - series.tMs[0]!) / 1000 : 0;
  const medianBytes = median(series.values);
  const growthBytes = slopeBytesPerSecond * spanSeconds;
  const slopePerMs = slopeBytesPerSecond / 1000;
  const residuals = series.values.map((value, i) => value - slopePerMs * series.tMs[i]!);
  const centre = median(residuals);
  const residualNoiseBytes = 1.4826 * median(residuals.map((r) => Math.abs(r - centre)));
  const thresholdBytes = Math.max(
    minBytes,
    LEAK_MIN_FRACTION * medianBytes,
    NOISE_FACTOR * residualNoiseBytes,
  );
  const lowerBoundPositive = Number.isFinite(lowerBytesPerSecond) && lowerBytesPerSecond > 0;
  return {
    big: growthBytes >= thresholdBytes && lowerBoundPositive,
    growthBytes,
    thresholdBytes,
    medianBytes,
    residualNoiseBytes,
    lowerBoundPositive,
  };
}
