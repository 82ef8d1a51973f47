// The plateau rule: did the growth stop?
//
//     bytes            ___________      plateau: the last third grows at under
//       │            /                  PLATEAU_FRACTION of the whole run's rate,
//       │          /                    with 95% confidence
//       │        /
//       └──────────┼──────────► t
//                  last third
//
// A plateau must be a positive finding. "No significant trend in the last third" is not
// one: a slow leak looks exactly like that over a short window. So the rule asks that the
// upper bound of the last third's Theil–Sen 95% interval (with the autocorrelation-
// corrected variance) lies below PLATEAU_FRACTION × the whole-run slope.
// Method: Theil–Sen interval, Sen (1968); see theil-sen.ts.

import { correctedSlope } from './corrected-slope.js';
import type { Series } from './series.js';

// A bounded cache that fills ever more slowly is retention, not a leak: at under 30% of the
// run's average rate, growth has essentially stopped. A linear leak keeps ~100% in its last
// third, so its interval stays well above this.
export const PLATEAU_FRACTION = 0.3;
// Fewer points than this in the last third cannot bound a slope usefully.
export const MIN_PLATEAU_POINTS = 8;

export type PlateauFinding =
  | { state: 'insufficient'; reason: string }
  | {
      state: 'ok';
      plateau: boolean;
      lastThirdSlopeBytesPerSecond: number;
      lastThirdUpperBytesPerSecond: number;
      wholeSlopeBytesPerSecond: number;
    };

// `floor` is the series as the trend saw it (at most MAX_TREND_POINTS points).
export function plateau(floor: Series, wholeSlopeBytesPerSecond: number): PlateauFinding {
  const n = floor.values.length;
  if (n === 0) return { state: 'insufficient', reason: 'no points' };
  const startMs = floor.tMs[0]!;
  const cutMs = startMs + ((floor.tMs[n - 1]! - startMs) * 2) / 3;
  const first = floor.tMs.findIndex((t) => t >= cutMs);
  const last: Series = { tMs: floor.tMs.slice(first), values: floor.values.slice(first) };
  if (last.values.length < MIN_PLATEAU_POINTS) {
    return {
      state: 'insufficient',
      reason: `the last third has ${last.values.length} point(s), need ${MIN_PLATEAU_POINTS}`,
    };
  }
  const { slope } = correctedSlope(last);
  const upper = slope.upperPerMs * 1000;
  const isPlateau =
    wholeSlopeBytesPerSecond > 0 &&
    Number.isFinite(upper) &&
    upper < PLATEAU_FRACTION * wholeSlopeBytesPerSecond;
  return {
    state: 'ok',
    plateau: isPlateau,
    lastThirdSlopeBytesPerSecond: slope.slopePerMs * 1000,
    lastThirdUpperBytesPerSecond: upper,
    wholeSlopeBytesPerSecond,
  };
}
