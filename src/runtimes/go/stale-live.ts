// Is the last live figure too old to speak for the end of the run?
//
//     live ·  ·  · ·                       a burst, then no allocation: no GC runs, and
//          │·                              Go's periodic GC is 2 minutes away, so the
//          └───────────┴──────────► t      last H2 stays far above what is live now
//                  last GC      end
//
// Stale when the last live point is older than STALE_AFTER_MS and than STALE_GAP_FACTOR
// times the usual gap between live points (a service that GCs every minute is not stale
// after 20 s). A stale figure never supports `leak` (DESIGN "Stale figures").

import { median } from '../../analysis/series.js';

export const STALE_AFTER_MS = 15_000;
export const STALE_GAP_FACTOR = 3;

export interface StaleFinding {
  stale: boolean;
  ageMs: number;
  thresholdMs: number;
}

export function staleLive(liveTMs: readonly number[], endMs: number): StaleFinding {
  const last = liveTMs[liveTMs.length - 1];
  if (last === undefined) return { stale: false, ageMs: 0, thresholdMs: STALE_AFTER_MS };
  const gaps: number[] = [];
  for (let i = 1; i < liveTMs.length; i++) gaps.push(liveTMs[i]! - liveTMs[i - 1]!);
  const medianGapMs = gaps.length === 0 ? 0 : median(gaps);
  const thresholdMs = Math.max(STALE_AFTER_MS, STALE_GAP_FACTOR * medianGapMs);
  const ageMs = Math.max(0, endMs - last);
  return { stale: ageMs > thresholdMs, ageMs, thresholdMs };
}
