// Does a regime rise on its own? A window of a series (after a knee) tested by itself with
// the trend test and the leak-size rule: significant, material, its slope surely above 0.

import { leakSize, type LeakSizeFinding } from './leak-size.js';
import type { Series } from './series.js';
import { trend, type TrendFinding } from './trend.js';

// The fewest points a regime can be tested on (the exact test's smallest useful n is 5,
// but a window of 3 can still be shown not to be a plateau by failing this).
export const MIN_REGIME_POINTS = 3;

export interface RegimeRise {
  trend: Extract<TrendFinding, { state: 'ok' }>;
  size: LeakSizeFinding;
}

export function risesOnItsOwn(window: Series): RegimeRise | null {
  return riseOf(window, trend(window, MIN_REGIME_POINTS));
}

// The same, for a window whose trend the caller already has.
export function riseOf(window: Series, found: TrendFinding): RegimeRise | null {
  if (found.state !== 'ok' || found.direction !== 'up') return null;
  const size = leakSize(window, found.slopeBytesPerSecond, found.lowerBytesPerSecond);
  return size.big ? { trend: found, size } : null;
}
