// The live series of one process: what survives each full GC, per isolate and summed.
//
//     bytes        ·        ·                 each · is a full GC's survivor count
//       │    ·          ·          ·          (never a scavenge: those say nothing
//       │ ·      ·                            about live data)
//       └────────────────────────► t
//
// Each isolate (Node main thread, each worker) has its own heap and its own GCs. The sum
// at a live point is that isolate's new value plus every other isolate's latest one, so a
// leak in one worker shows in the total, and the per-isolate series can name it.

import type { GcRecord } from '../recording/records.js';
import type { Series } from './series.js';

// A forced GC runs in every isolate within a few milliseconds: their points form one round
// and give one total point, not a staircase of partial sums that reads as noise. A round
// holds at most one GC per isolate, so a single-heap runtime (Go) GCing every 10 ms near
// its memory limit keeps every point.
export const ROUND_MS = 500;

export interface LiveSeries {
  total: Series;
  perIsolate: Map<number, Series>;
  points: number;
  forcedPoints: number;
  lastLiveBytes: number | null;
  lastLiveMs: number | null;
}

export function liveSeries(gcs: readonly GcRecord[]): LiveSeries {
  const total: Series = { tMs: [], values: [] };
  const perIsolate = new Map<number, Series>();
  const latest = new Map<number, number>();
  // Per total point: was any GC of that round forced by rssdoctor?
  const forced: boolean[] = [];
  let roundStartMs = Number.NEGATIVE_INFINITY;
  const roundThreads = new Set<number>();
  for (const gc of gcs) {
    if (gc.liveBytes === undefined) continue;
    const threadId = gc.threadId ?? 0;
    latest.set(threadId, gc.liveBytes);
    let own = perIsolate.get(threadId);
    if (own === undefined) perIsolate.set(threadId, (own = { tMs: [], values: [] }));
    own.tMs.push(gc.tMs);
    own.values.push(gc.liveBytes);
    let sum = 0;
    for (const value of latest.values()) sum += value;
    const last = total.tMs.length - 1;
    if (last >= 0 && gc.tMs - roundStartMs < ROUND_MS && !roundThreads.has(threadId)) {
      roundThreads.add(threadId);
      total.tMs[last] = gc.tMs;
      total.values[last] = sum;
      forced[last] = forced[last]! || gc.forced;
    } else {
      roundStartMs = gc.tMs;
      roundThreads.clear();
      roundThreads.add(threadId);
      total.tMs.push(gc.tMs);
      total.values.push(sum);
      forced.push(gc.forced);
    }
  }
  // Live points are counted per round, as the trend test sees them.
  const points = total.values.length;
  return {
    total,
    perIsolate,
    points,
    forcedPoints: forced.filter(Boolean).length,
    lastLiveBytes: points > 0 ? total.values[points - 1]! : null,
    lastLiveMs: points > 0 ? total.tMs[points - 1]! : null,
  };
}
