// The level shift: did the series end higher than it started, by more than its noise?
//
//     bytes           ____________      rise = median(last third) − median(first tenth)
//       │            |                  rose: rise ≥ max(leak-size threshold,
//       │            |                        LEVEL_NOISE_FACTOR × σ̂ of the last third)
//       │  _________|
//       └──────────────────────► t
//
// The trend test and Theil–Sen both treat one step as an outlier (Theil–Sen's breakdown
// point is 29%), so a rise-then-plateau needs its own finding. σ̂ is the scaled median
// absolute deviation, 1.4826 × MAD, a robust estimate of the standard deviation
// (F. R. Hampel, JASA 69 (1974) 383–393).

import { LEAK_MIN_BYTES, LEAK_MIN_FRACTION } from './leak-size.js';
import { median, type Series } from './series.js';

// A rise must clear the end level's own noise by this much to count.
export const LEVEL_NOISE_FACTOR = 4;
// The start level is the median of the first tenth of the points, at least this many.
export const MIN_START_POINTS = 3;

export interface LevelShiftFinding {
  rose: boolean;
  riseBytes: number;
  startLevelBytes: number;
  endLevelBytes: number;
  noiseBytes: number;
  thresholdBytes: number;
}

export function levelShift(series: Series): LevelShiftFinding {
  const n = series.values.length;
  const startCount = Math.min(n, Math.max(MIN_START_POINTS, Math.floor(n / 10)));
  const startLevelBytes = median(series.values.slice(0, startCount));
  const lastThird = series.values.slice(Math.floor((2 * n) / 3));
  const endLevelBytes = median(lastThird);
  const deviations = lastThird.map((value) => Math.abs(value - endLevelBytes));
  const noiseBytes = 1.4826 * median(deviations);
  const thresholdBytes = Math.max(
    LEAK_MIN_BYTES,
    LEAK_MIN_FRACTION * median(series.values),
    LEVEL_NOISE_FACTOR * noiseBytes,
  );
  const riseBytes = endLevelBytes - startLevelBytes;
  return {
    rose: riseBytes >= thresholdBytes,
    riseBytes,
    startLevelBytes,
    endLevelBytes,
    noiseBytes,
    thresholdBytes,
  };
}
