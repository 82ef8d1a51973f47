// The plateau rule: did the growth stop?
//
//     bytes            ___________      plateau: the final regime (after the last knee,
//       │            /                  changepoint.ts; else the last third) grows at
//       │          /                    under PLATEAU_FRACTION of the whole run's rate,
//       │        /                      with 95% confidence
//       └──────────┼──────────► t
//                  knee (or the last third)
//
// A plateau must be a positive finding. "No significant trend in the last third" is not
// one: a slow leak looks exactly like that over a short window. So the rule asks that the
// upper bound of the last third's Theil–Sen 95% interval (with the autocorrelation-
// corrected variance) lies below PLATEAU_FRACTION × the whole-run slope.
// A warm-up that ends early leaves a long flat final regime, which the knee finds even when
// the last third would be too short to bound (a few live points, or a 20 s run).
// Method: Theil–Sen interval, Sen (1968); see theil-sen.ts.

import { lastKnee } from './changepoint.js';
import { correctedSlope } from './corrected-slope.js';
import { risesOnItsOwn } from './regime-rise.js';
import type { Series } from './series.js';

// A bounded cache that fills ever more slowly is retention, not a leak: at under 30% of the
// run's average rate, growth has essentially stopped. A linear leak keeps ~100% in its last
// third, so its interval stays well above this.
export const PLATEAU_FRACTION = 0.3;
// Fewer points than this in the last third cannot bound a slope usefully.
export const MIN_PLATEAU_POINTS = 8;
// After a knee, fewer will do: the knee itself already says the regime changed.
export const MIN_KNEE_WINDOW_POINTS = 3;

export type PlateauFinding =
  | { state: 'insufficient'; reason: string }
  | {
      state: 'ok';
      plateau: boolean;
      // Where the window starts: after the last knee, or the last third.
      window: 'after-knee' | 'last-third';
      windowStartMs: number;
      lastThirdSlopeBytesPerSecond: number;
      lastThirdUpperBytesPerSecond: number;
      wholeSlopeBytesPerSecond: number;
    };

// `floor` is the series as the trend saw it (at most MAX_TREND_POINTS points).
export function plateau(floor: Series, wholeSlopeBytesPerSecond: number): PlateauFinding {
  const n = floor.values.length;
  if (n === 0) return { state: 'insufficient', reason: 'no points' };
  const startMs = floor.tMs[0]!;
  const knee = lastKnee(floor);
  const cutMs = startMs + ((floor.tMs[n - 1]! - startMs) * 2) / 3;
  const afterKnee = knee !== null && n - knee.index >= MIN_KNEE_WINDOW_POINTS;
  const first = afterKnee ? knee.index : floor.tMs.findIndex((t) => t >= cutMs);
  const last: Series = { tMs: floor.tMs.slice(first), values: floor.values.slice(first) };
  if (!afterKnee && last.values.length < MIN_PLATEAU_POINTS) {
    return {
      state: 'insufficient',
      reason: `the last third has ${last.values.length} point(s), need ${MIN_PLATEAU_POINTS}`,
    };
  }
  const { slope } = correctedSlope(last);
  const upper = slope.upperPerMs * 1000;
  // Compared with the whole run's rate, never the steeper rate before the knee; and a final
  // regime that is a leak on its own (a significant, material rise) is never a plateau:
  // a start-up burst inflates the whole run's rate, and a steady leak after it would
  // otherwise read as levelled off.
  const isPlateau =
    wholeSlopeBytesPerSecond > 0 &&
    Number.isFinite(upper) &&
    upper < PLATEAU_FRACTION * wholeSlopeBytesPerSecond &&
    !(afterKnee && risesOnItsOwn(last) !== null);
  return {
    state: 'ok',
    plateau: isPlateau,
    window: afterKnee ? 'after-knee' : 'last-third',
    windowStartMs: last.tMs[0]!,
    lastThirdSlopeBytesPerSecond: slope.slopePerMs * 1000,
    lastThirdUpperBytesPerSecond: upper,
    wholeSlopeBytesPerSecond,
  };
}
