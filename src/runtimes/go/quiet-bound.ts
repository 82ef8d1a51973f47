// The quiet bound: how fast can a Go heap have grown since its last GC, when none came?
//
//     heap   goal G ─ ─ ─ ─ ─ ─ ─ ─ ─ ─ ─     Go starts a GC before the heap reaches the
//       │                                     goal its last GC set. No GC since that one
//       │  H2 ·───────────────────── end      means everything allocated since, live or
//       └─────┼───────────────────┼──► t      garbage, fits in G − H2, so the live heap grew
//          last GC     quiet for T           at most (G − H2) / T.
//
// The goal a GC sets is G = H2 + (H2 + stacks + globals) × GOGC/100 (Go 1.18+; before,
// stacks and globals are not counted and print as absent, so they add nothing). A
// GOMEMLIMIT can only lower it, so the bound still holds with one.
//
// A long stretch without a GC is evidence, not a gap: a Go program with 2 GCs in a minute
// has a bounded heap growth over that minute, and the bound tightens the longer it stays
// quiet. (The pacer triggers before the goal: runtime/mgcpacer.go, "trigger ≤ goal".)

import type { GcRecord } from '../../recording/records.js';

export interface QuietBound {
  quietMs: number;
  headroomBytes: number;
  // Upper bound on the live heap's growth rate over the quiet stretch.
  boundBytesPerSecond: number;
  goalBytes: number;
  lastLiveBytes: number;
}

// `live` are the GCs with a live figure, in time order; null GOGC is GOGC=off (no goal).
export function quietBound(
  live: readonly GcRecord[],
  endMs: number,
  gogcPercent: number | null,
): QuietBound | null {
  const last = live[live.length - 1];
  if (last?.liveBytes === undefined || gogcPercent === null) return null;
  const quietMs = endMs - last.tMs;
  if (quietMs <= 0) return null;
  // gctrace truncates each figure to whole MiB: one more MiB of each keeps this a bound.
  const scanned =
    last.liveBytes +
    (last.stacksBytes ?? 0) +
    (last.globalsBytes ?? 0) +
    TRUNCATION_BYTES * FIGURES_IN_GOAL;
  const headroomBytes = (scanned * gogcPercent) / 100;
  return {
    quietMs,
    headroomBytes,
    boundBytesPerSecond: headroomBytes / (quietMs / 1000),
    goalBytes: last.liveBytes + headroomBytes,
    lastLiveBytes: last.liveBytes,
  };
}

// gctrace prints MiB, truncated; the goal's inputs are H2, stacks and globals.
const TRUNCATION_BYTES = 1024 * 1024;
const FIGURES_IN_GOAL = 3;
