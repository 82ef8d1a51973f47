// The growth finding for one series: trend + leak size + plateau, the three facts the
// verdict needs about any memory series (OS-level RSS, live heap, or off-heap memory).

import { earlyKnee, firstKnee } from './changepoint.js';
import { bucketMinima, MAX_TREND_POINTS } from './floor.js';
import { MIN_REGIME_POINTS, riseOf } from './regime-rise.js';
import { levelShift, type LevelShiftFinding } from './level-shift.js';
import { leakSize, type LeakSizeFinding } from './leak-size.js';
import { plateau, type PlateauFinding } from './plateau.js';
import type { Series } from './series.js';
import { trend, type TrendFinding } from './trend.js';

export type GrowthFinding =
  | Extract<TrendFinding, { state: 'insufficient' }>
  | {
      state: 'ok';
      points: number;
      // A significant upward trend whose size passes the leak-size rule.
      rising: boolean;
      // The series ended higher than it started (after its start-up, when one was set
      // aside), beyond its noise (see level-shift.ts).
      rose: boolean;
      // The growth positively stopped in the last third (see plateau.ts).
      plateau: boolean;
      // The last third still rises (its Theil–Sen slope is above zero): the growth persists
      // into the end of the run rather than being an old wander.
      persists: boolean;
      // When a start-up ramp was set aside, the regime after it starts here (and `trend`
      // and `size` are of that regime when it rises); null when there was none.
      afterStartUpMs: number | null;
      // How many points the judged regime has: after the start-up, or all of them.
      regimePoints: number;
      // The judged regime trends up (significantly, whatever its size): after a start-up,
      // a ramp then flat does not.
      regimeUp: boolean;
      trend: Extract<TrendFinding, { state: 'ok' }>;
      size: LeakSizeFinding;
      shift: LevelShiftFinding;
      plateauFinding: PlateauFinding;
    };

// A start-up (the heap built before the program serves) takes at most this share of a run.
export const START_UP_MAX_FRACTION = 0.25;
// …and rises at least this many times faster than the regime after it.
export const START_UP_SLOPE_RATIO = 3;

// A start-up (the strongest knee, within the first START_UP_MAX_FRACTION of the run: the
// heap being built, a cache loaded) is not the leak, and it hides a leak after it from the
// whole run's test (its residuals swamp the leak-size rule). When there is one, the regime
// after it, tested on its own, is the finding: the ramp neither makes nor hides a leak.
// A straight leak has no such knee (one line fits it), so it is judged whole as before.
// When the symmetric search finds no knee at all, a start-up of a few ticks is looked for
// on its own (earlyKnee): one CI run of a flat Python program read 0.7 MB at its first
// tick, and the level shift measured from it called the rest of the start-up `retention`.
function startUpIndex(floor: Series): number | null {
  const startMs = floor.tMs[0]!;
  const spanMs = floor.tMs[floor.tMs.length - 1]! - startMs;
  // Timed by the ramp's last point: the first point after it may come much later (a Go
  // heap built in 1 s, then its next GC at 22 s), and the ramp did not last until then.
  const early = (index: number): boolean =>
    floor.tMs[index - 1]! - startMs <= START_UP_MAX_FRACTION * spanMs;
  let latest = 0;
  while (latest + 1 < floor.tMs.length && early(latest + 1)) latest++;
  const knee = firstKnee(floor) ?? earlyKnee(floor, latest);
  // A start-up rises faster than what follows it; a straight leak's spurious knee (a few
  // noisy points) has about the same slope on both sides.
  if (
    knee === null ||
    knee.beforeSlopePerMs <= START_UP_SLOPE_RATIO * Math.abs(knee.afterSlopePerMs)
  ) {
    return null;
  }
  return early(knee.index) ? knee.index : null;
}

export interface GrowthOptions {
  // Raises the leak-size floor for series with a known warm-up creep.
  minGrowthBytes?: number;
  // The points must span at least this long.
  minSpanMs?: number;
}

export function growth(
  series: Series,
  minPoints: number,
  options: GrowthOptions = {},
): GrowthFinding {
  // Floored once; every finding below sees the same points.
  const floor = bucketMinima(series, MAX_TREND_POINTS);
  const found = trend(floor, minPoints, options.minSpanMs);
  if (found.state === 'insufficient') return found;
  const size = leakSize(
    floor,
    found.slopeBytesPerSecond,
    found.lowerBytesPerSecond,
    options.minGrowthBytes,
  );
  // The whole run must still rise significantly: a knee found in noise opens no second
  // chance to call a leak.
  const startUp = startUpIndex(floor);
  // Did it rise and hold? Measured after the start-up: a process that reaches its working
  // set in its first ticks (the exec'd image, then the heap) rose from a level it never
  // served at, and one start-up tick more or less must not turn `steady` into `retention`.
  const regime =
    startUp === null
      ? floor
      : { tMs: floor.tMs.slice(startUp), values: floor.values.slice(startUp) };
  const shift = levelShift(regime);
  // The whole run's rate: Theil–Sen, or the average rate of a level shift, which Theil–Sen
  // reads as ~0 when the rise was one step.
  const spanSeconds = (found.endMs - found.startMs) / 1000;
  const shiftRate = shift.rose && spanSeconds > 0 ? shift.riseBytes / spanSeconds : 0;
  const regimeTrend = startUp === null ? found : trend(regime, MIN_REGIME_POINTS);
  const regimeUp = regimeTrend.state === 'ok' && regimeTrend.direction === 'up';
  const windowRise =
    startUp === null || found.direction !== 'up' ? null : riseOf(regime, regimeTrend);
  const rising = startUp === null ? found.direction === 'up' && size.big : windowRise !== null;
  // Did the growth stop? Measured against the leak's own rate when a start-up was set
  // aside (the ramp would make any later rate look flat), else the whole run's.
  const plateauFinding = plateau(
    floor,
    windowRise !== null
      ? windowRise.trend.slopeBytesPerSecond
      : Math.max(found.slopeBytesPerSecond, shiftRate),
  );
  // The leak's own rate is the regime after the start-up, when there is one.
  const quoted = windowRise ?? { trend: found, size };
  return {
    state: 'ok',
    points: found.points,
    rising,
    rose: shift.rose,
    shift,
    plateau: plateauFinding.state === 'ok' && plateauFinding.plateau,
    persists: plateauFinding.state === 'ok' && plateauFinding.lastThirdSlopeBytesPerSecond > 0,
    afterStartUpMs: startUp === null ? null : floor.tMs[startUp]!,
    regimePoints: startUp === null ? found.points : found.points - startUp,
    regimeUp,
    trend: quoted.trend,
    size: quoted.size,
    plateauFinding,
  };
}
