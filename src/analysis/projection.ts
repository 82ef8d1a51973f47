// When the growth meets a limit: the verdict's own growth rate, with its 95% interval,
// extrapolated from the level at the last sample to each cap it grows toward; the first
// cap met is the projection.
//
//     bytes
//       │ limit ───────────────────────────────
//       │                         ╱ ╱  ╱        seconds = (limit − level) / slope
//       │                     ╱ ╱  ╱            low  = (limit − level) / upper slope
//       │        ·  · ·  ·●╱ ╱ ╱                high = (limit − level) / lower slope
//       │   · ·  ·             (none when the lower slope is not above zero)
//       └──────────────────●──────────────► t
//                         last sample
//
// The slope and its interval are Theil–Sen's (theil-sen.ts, Gilbert 1987 §16.5), corrected
// for autocorrelation. Where the limit bites within a margin above it (V8: the young
// generation's survivors count in the live heap, not against the old generation's cap),
// the point is the margin's middle and the interval spans it. The level is the larger of
// the fitted line and the last point (an OOM comes at a peak, not at the line). Linear on
// purpose: a leak keeps a fixed share of each unit of work, and the run's own load is the
// one the run can speak for. Pure.

import type { MemoryCap } from './memory-cap.js';

// A growth rate at a level, as the analysis found it.
export interface GrowthAt {
  levelBytes: number;
  slopeBytesPerSecond: number;
  lowerBytesPerSecond: number;
  upperBytesPerSecond: number;
}

export interface CapProjection {
  cap: MemoryCap;
  growth: GrowthAt;
  secondsToLimit: number;
  secondsToLimitLow: number;
  // null: the rate's interval reaches zero, so no upper bound on the time.
  secondsToLimitHigh: number | null;
}

// The level each cap is measured against now and its rate; null when that series is not
// known to grow.
export type GrowthOf = (cap: MemoryCap) => GrowthAt | null;

export function projectCaps(caps: readonly MemoryCap[], growthOf: GrowthOf): CapProjection[] {
  const out: CapProjection[] = [];
  for (const cap of caps) {
    const growth = growthOf(cap);
    if (growth === null || !(growth.slopeBytesPerSecond > 0)) continue;
    const headroomBytes = cap.limitBytes - growth.levelBytes - (cap.offsetBytes ?? 0);
    const marginBytes = cap.marginBytes ?? 0;
    if (!(headroomBytes + marginBytes > 0)) continue;
    // An interval not computed (NaN) is taken as the point: no band rather than none at all.
    const upper = Math.max(finiteOr(growth.upperBytesPerSecond, 0), growth.slopeBytesPerSecond);
    const lower = Math.min(
      finiteOr(growth.lowerBytesPerSecond, Infinity),
      growth.slopeBytesPerSecond,
    );
    out.push({
      cap,
      growth,
      secondsToLimit: (headroomBytes + marginBytes / 2) / growth.slopeBytesPerSecond,
      secondsToLimitLow: Math.max(0, headroomBytes) / upper,
      secondsToLimitHigh: lower > 0 ? (headroomBytes + marginBytes) / lower : null,
    });
  }
  return out.sort((a, b) => a.secondsToLimit - b.secondsToLimit);
}

// The level of a fitted line at `atMs`, never below the last point seen.
export function levelAt(
  fit: { slopeBytesPerSecond: number; interceptBytes: number },
  atMs: number,
  lastValueBytes: number,
): number {
  const fitted = fit.interceptBytes + (fit.slopeBytesPerSecond / 1000) * atMs;
  return Number.isFinite(fitted) ? Math.max(fitted, lastValueBytes) : lastValueBytes;
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
