// The leak-size rule: is the growth big enough to matter, and surely above zero?
//
//     bytes                 ╱  ← growth = slope × span ≥ max(1 MiB, 2% of the median)
//       │              ╱
//       │         ╱             and the lower bound of the slope's 95% interval > 0
//       │    ╱
//       └──────────► t
//
// A significant trend can still be a small creep (a cache warming, a JIT settling).
// This rule keeps such creeps from being called leaks. Interval: Theil–Sen, Sen (1968).

import { median, type Series } from './series.js';

// Below 1 MiB over a run, no one restarts a service for it.
export const LEAK_MIN_BYTES = 1024 * 1024;
// Relative floor: growth under 2% of the typical level is within run-to-run variation.
export const LEAK_MIN_FRACTION = 0.02;

export interface LeakSizeFinding {
  big: boolean;
  growthBytes: number;
  thresholdBytes: number;
  medianBytes: number;
  lowerBoundPositive: boolean;
}

export function leakSize(
  series: Series,
  slopeBytesPerSecond: number,
  lowerBytesPerSecond: number,
): LeakSizeFinding {
  const n = series.tMs.length;
  const spanSeconds = n > 1 ? (series.tMs[n - 1]! - series.tMs[0]!) / 1000 : 0;
  const medianBytes = median(series.values);
  const growthBytes = slopeBytesPerSecond * spanSeconds;
  const thresholdBytes = Math.max(LEAK_MIN_BYTES, LEAK_MIN_FRACTION * medianBytes);
  const lowerBoundPositive = Number.isFinite(lowerBytesPerSecond) && lowerBytesPerSecond > 0;
  return {
    big: growthBytes >= thresholdBytes && lowerBoundPositive,
    growthBytes,
    thresholdBytes,
    medianBytes,
    lowerBoundPositive,
  };
}
