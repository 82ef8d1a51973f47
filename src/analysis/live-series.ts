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
//
// A bound (a busy Node isolate's heap plus external memory at their lowest over a short
// window, taken instead of a full GC: records.ts BoundRecord) stands in for a live point.
// It reads high by garbage, and the agent takes one only while it stays within a slack too
// small to make a leak, so a flat series of bounds is a flat live heap within that slack.

import type { BoundRecord, GcRecord } from '../recording/records.js';
import { worstForcedPause, type ForcedPause } from './forced-pause.js';
import type { Series } from './series.js';

// A forced GC runs in every isolate within a few milliseconds: their points form one round
// and give one total point, not a staircase of partial sums that reads as noise. A round
// holds at most one GC per isolate, so a single-heap runtime (Go) GCing every 10 ms near
// its memory limit keeps every point. A Node probe's points carry its number and are one
// round however long they take: bounds, each a window of 300 ms or more taken in turn,
// spread a probe of six isolates over seconds, and split by time, its partial sums made a
// staircase whose steep steps pulled a leak's Theil–Sen slope up (docs/agent.md). A round
// is stamped at the mean time of its points: stamped at its last, a probe spread over 3 s
// (idle bounds of 300 ms each, before a rise) lagged its values by more than a compact one
// (pauses, after the rise), and `rssdoctor demo --runtime node --leak --duration 20
// --interval 0.5` read 2.46 MiB/s for 1.95 kept, where `rssdoctor report --json` on the
// same recording, with the mean, read 2.37.
export const ROUND_MS = 500;

export interface LiveSeries {
  total: Series;
  perIsolate: Map<number, Series>;
  points: number;
  forcedPoints: number;
  // Points with a bound in their round: upper bounds, not GCs.
  boundPoints: number;
  // The isolate most paused by forced GCs: how many, and their pauses in all.
  forcedPause: ForcedPause | null;
  lastLiveBytes: number | null;
  lastLiveMs: number | null;
}

interface LivePoint {
  tMs: number;
  threadId: number;
  liveBytes: number;
  forced: boolean;
  bound: boolean;
  probe: number | undefined;
}

// The GCs that measured live data and the bounds, each list in time order as records
// come, merged into one.
function livePoints(gcs: readonly GcRecord[], bounds: readonly BoundRecord[]): LivePoint[] {
  const points: LivePoint[] = [];
  const bound = (record: BoundRecord): LivePoint => ({
    tMs: record.tMs,
    threadId: record.threadId ?? 0,
    liveBytes: record.liveBytes,
    forced: false,
    bound: true,
    probe: record.probe,
  });
  let b = 0;
  // A bound over its slack, the pause put off, stands for no flat heap.
  const flat = bounds.filter((record) => record.pauseDeferred !== true);
  for (const { tMs, threadId, liveBytes, forced, probe } of gcs) {
    if (liveBytes === undefined) continue;
    while (b < flat.length && flat[b]!.tMs <= tMs) points.push(bound(flat[b++]!));
    points.push({ tMs, threadId: threadId ?? 0, liveBytes, forced, bound: false, probe });
  }
  while (b < flat.length) points.push(bound(flat[b++]!));
  return points;
}

export function liveSeries(
  gcs: readonly GcRecord[],
  bounds: readonly BoundRecord[] = [],
): LiveSeries {
  const total: Series = { tMs: [], values: [] };
  const perIsolate = new Map<number, Series>();
  const latest = new Map<number, number>();
  // Per total point: was any GC of that round forced by rssdoctor, any point a bound?
  const forced: boolean[] = [];
  const bounded: boolean[] = [];
  let roundStartMs = Number.NEGATIVE_INFINITY;
  // The probes with a point in the current round.
  const roundProbes = new Set<number | undefined>();
  const roundThreads = new Set<number>();
  // The round's points' times, summed: a round is stamped at their mean, since its total
  // sums values read over the whole probe.
  let roundSumMs = 0;
  for (const gc of livePoints(gcs, bounds)) {
    const { threadId } = gc;
    latest.set(threadId, gc.liveBytes);
    let own = perIsolate.get(threadId);
    if (own === undefined) perIsolate.set(threadId, (own = { tMs: [], values: [] }));
    own.tMs.push(gc.tMs);
    own.values.push(gc.liveBytes);
    let sum = 0;
    for (const value of latest.values()) sum += value;
    const last = total.tMs.length - 1;
    const sameProbe = gc.probe !== undefined && roundProbes.has(gc.probe);
    if (
      last >= 0 &&
      (sameProbe || gc.tMs - roundStartMs < ROUND_MS) &&
      !roundThreads.has(threadId)
    ) {
      roundThreads.add(threadId);
      roundProbes.add(gc.probe);
      roundSumMs += gc.tMs;
      total.tMs[last] = roundSumMs / roundThreads.size;
      total.values[last] = sum;
      forced[last] = forced[last]! || gc.forced;
      bounded[last] = bounded[last]! || gc.bound;
    } else {
      roundStartMs = gc.tMs;
      roundProbes.clear();
      roundProbes.add(gc.probe);
      roundThreads.clear();
      roundThreads.add(threadId);
      roundSumMs = gc.tMs;
      total.tMs.push(gc.tMs);
      total.values.push(sum);
      forced.push(gc.forced);
      bounded.push(gc.bound);
    }
  }
  // Live points are counted per round, as the trend test sees them.
  const points = total.values.length;
  return {
    total,
    perIsolate,
    points,
    forcedPoints: forced.filter(Boolean).length,
    boundPoints: bounded.filter(Boolean).length,
    forcedPause: worstForcedPause(gcs),
    lastLiveBytes: points > 0 ? total.values[points - 1]! : null,
    lastLiveMs: points > 0 ? total.tMs[points - 1]! : null,
  };
}
