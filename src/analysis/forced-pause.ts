// What rssdoctor's forced GCs cost the target, and the share of its time they may take.
// An isolate (a Node thread, a Python interpreter, a JVM) is paused by its own forced GCs
// only, so the cost is counted per isolate and the worst one is the process's. The run
// paces its probes by the budget (run/probe-pacing.ts); the report reads it back to say
// why a short run on a large heap had few live points.

import type { GcRecord } from '../recording/records.js';

// Forced GCs may take at most this share of the target's time.
export const PAUSE_BUDGET_FRACTION = 0.02;

export interface ForcedPause {
  gcs: number;
  pauseMs: number;
}

// The isolate whose timed forced GCs paused it longest in all, or null when none was timed.
export function worstForcedPause(gcs: readonly GcRecord[]): ForcedPause | null {
  const byIsolate = new Map<number, ForcedPause>();
  for (const { forced, pauseMs, threadId } of gcs) {
    if (!forced || pauseMs === undefined) continue;
    const own = byIsolate.get(threadId ?? 0) ?? { gcs: 0, pauseMs: 0 };
    byIsolate.set(threadId ?? 0, { gcs: own.gcs + 1, pauseMs: own.pauseMs + pauseMs });
  }
  let worst: ForcedPause | null = null;
  for (const pause of byIsolate.values())
    if (worst === null || pause.pauseMs > worst.pauseMs) worst = pause;
  return worst;
}
