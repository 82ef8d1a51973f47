// The growth finding for one series: trend + leak size + plateau, the three facts the
// verdict needs about any memory series (OS-level RSS, live heap, or off-heap memory).

import { bucketMinima, MAX_TREND_POINTS } from './floor.js';
import { levelShift, type LevelShiftFinding } from './level-shift.js';
import { leakSize, type LeakSizeFinding } from './leak-size.js';
import { plateau, type PlateauFinding } from './plateau.js';
import type { Series } from './series.js';
import { trend, type TrendFinding } from './trend.js';

export type GrowthFinding =
  | { state: 'insufficient'; points: number; neededPoints: number; reason: string }
  | {
      state: 'ok';
      points: number;
      // A significant upward trend whose size passes the leak-size rule.
      rising: boolean;
      // The series ended higher than it started, beyond its noise (see level-shift.ts).
      rose: boolean;
      // The growth positively stopped in the last third (see plateau.ts).
      plateau: boolean;
      // The last third still rises (its Theil–Sen slope is above zero): the growth persists
      // into the end of the run rather than being an old wander.
      persists: boolean;
      trend: Extract<TrendFinding, { state: 'ok' }>;
      size: LeakSizeFinding;
      shift: LevelShiftFinding;
      plateauFinding: PlateauFinding;
    };

// `minGrowthBytes` raises the leak-size floor for series with a known warm-up creep.
export function growth(series: Series, minPoints: number, minGrowthBytes?: number): GrowthFinding {
  // Floored once; every finding below sees the same points.
  const floor = bucketMinima(series, MAX_TREND_POINTS);
  const found = trend(floor, minPoints);
  if (found.state === 'insufficient') return found;
  const size = leakSize(
    floor,
    found.slopeBytesPerSecond,
    found.lowerBytesPerSecond,
    minGrowthBytes,
  );
  const rising = found.direction === 'up' && size.big;
  const shift = levelShift(floor);
  // The whole run's rate: Theil–Sen, or the average rate of a level shift, which Theil–Sen
  // reads as ~0 when the rise was one step.
  const spanSeconds = (found.endMs - found.startMs) / 1000;
  const shiftRate = shift.rose && spanSeconds > 0 ? shift.riseBytes / spanSeconds : 0;
  const plateauFinding = plateau(floor, Math.max(found.slopeBytesPerSecond, shiftRate));
  return {
    state: 'ok',
    points: found.points,
    rising,
    rose: shift.rose,
    shift,
    plateau: plateauFinding.state === 'ok' && plateauFinding.plateau,
    persists: plateauFinding.state === 'ok' && plateauFinding.lastThirdSlopeBytesPerSecond > 0,
    trend: found,
    size,
    plateauFinding,
  };
}
