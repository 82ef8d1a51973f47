// The Theil–Sen slope with its interval widened by the autocorrelation-corrected Var(S),
// and the Mann–Kendall test that produced it. Hamed–Rao detrends with the slope, and the
// interval needs the corrected variance, so the two are computed together.

import { mannKendallHamedRao, type MannKendallResult } from './mann-kendall.js';
import type { Series } from './series.js';
import { theilSen, type TheilSenResult } from './theil-sen.js';

export interface CorrectedSlope {
  slope: TheilSenResult;
  // Undefined when there were no pairs to take a slope from.
  test: MannKendallResult | undefined;
}

export function correctedSlope(series: Series): CorrectedSlope {
  let test: MannKendallResult | undefined;
  const slope = theilSen(series, (slopePerMs) => {
    test = mannKendallHamedRao(series, slopePerMs);
    return test.correctedVarianceS;
  });
  return { slope, test };
}
