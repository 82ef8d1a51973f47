// Confidence of a verdict, 0..1. It says how sure the evidence makes us, not how bad it is.

// With no runtime source, RSS cannot separate live data from memory held for reuse, so an
// OS-level `leak` or `retention` is at best a coin toss between the two (DESIGN).
export const OS_LEVEL_CONFIDENCE_CAP = 0.5;
// A flat RSS is solid evidence of nothing to fix, but still OS-level: it reaches this at
// STEADY_FULL_EVIDENCE_FACTOR × the minimum number of points.
export const OS_STEADY_CONFIDENCE_MAX = 0.8;
export const STEADY_FULL_EVIDENCE_FACTOR = 4;

// For a detected trend: 1 − p, capped.
export function trendConfidence(pValue: number, cap: number): number {
  return round(Math.min(cap, Math.max(0, 1 - pValue)));
}

// For a flat series: grows with the amount of evidence beyond the minimum.
export function flatConfidence(points: number, neededPoints: number, cap: number): number {
  const fraction = Math.min(1, points / (STEADY_FULL_EVIDENCE_FACTOR * neededPoints));
  return round(Math.min(cap, 0.5 + (cap - 0.5) * fraction));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

// With a runtime source the live heap is measured, not inferred: a trend's 1 − p may reach
// this (never 1: a measurement can still mislead).
export const RUNTIME_CONFIDENCE_CAP = 0.99;
// Retention rests on measured live data far below RSS; the remaining doubt is whether the
// held memory would really come back, which only `--probe-release` measures.
export const RETENTION_CONFIDENCE = 0.8;
// no-gc-yet is a proof (trace on, this process's alone, no GC line), not a statistic; the
// doubt left is a GC line lost in transit, which nothing here has shown.
export const NO_GC_PROOF_CONFIDENCE = 0.95;
// GOMEMLIMIT-bound: two independent facts (live at the limit, GCs ever more frequent) that
// together admit no benign reading we know of; below the cap a live trend would reach.
export const MEMORY_LIMIT_BOUND_CONFIDENCE = 0.9;
// A leak read from fewer than CORROBORATE_BELOW_LIVE_POINTS live points (with RSS rising
// behind it), or from the goroutine stacks alone: strong, but one more full trend's worth
// of evidence short of RUNTIME_CONFIDENCE_CAP.
export const SPARSE_LEAK_CONFIDENCE_CAP = 0.9;
