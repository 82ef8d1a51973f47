// Whether a Node process's live heap is rising, for attribution's start (agent-session.ts):
// the sampling heap profiler costs a busy target 5–8% of its throughput while it runs
// (docs/benchmarks.md), so it starts only once some isolate's live points rise: the last
// RISE_POINTS of them strictly ordered upwards by the exact Mann–Kendall test
// (P(S ≥ s) < RISE_P; five strictly rising points give 1/120) and a rise of at least
// RISE_MIN_BYTES across them by their Theil–Sen slope. A healthy process never pays for it;
// a leak is profiled from then on.
//
// The slope, not the last point less the first: a cache filled at start gives one big step
// and then a flat heap that wobbles up by a few KiB (27.6, 38.0, 38.0, 38.0, 38.2 MB on the
// warm-up fixture). Those five are strictly rising and 10 MB apart, yet the median of their
// pairwise slopes is 0.7 MB across them: a warm-up, which the profiler cannot explain and
// which cost the fixture 3 MiB of RSS when it started it.
//
// And above every point before them. The test runs at each live point of a run that may
// last days, and five points of a flat heap that swings are strictly rising once in 120.
// One of six 45 s runs of the demo receiver (bench/overhead.mjs --load-ms 45000) took heap
// profiles: by then only its main thread can have five live points, once V8 runs a full GC
// of its own about every second, and those swing by 6.4–12.8 MB (bench/probe-timeline.mjs);
// the workers have four. For a series with no trend (exchangeable points), five strictly rising
// points above the n before them are one ordering in (n+5)!/n!, and Σ n!/(n+5)! over every
// n is 1/96: the chance of a false start over a whole run, however long, where the last
// five alone gave 1/120 at every point. A leak's points pass as soon as the leak has
// risen past the heap's swing.

import { mannKendallExact } from '../analysis/mann-kendall-exact.js';
import { theilSen } from '../analysis/theil-sen.js';

export const RISE_POINTS = 5;
export const RISE_P = 0.01;
export const RISE_MIN_BYTES = 1024 * 1024;

interface IsolatePoints {
  // The last RISE_POINTS live points, oldest first.
  last: number[];
  // The highest of every point before them.
  highestBeforeBytes: number;
}

export class LiveRise {
  readonly #byIsolate = new Map<number, IsolatePoints>();
  #rising = false;

  add(threadId: number, liveBytes: number): void {
    if (this.#rising) return;
    let isolate = this.#byIsolate.get(threadId);
    if (isolate === undefined)
      this.#byIsolate.set(threadId, (isolate = { last: [], highestBeforeBytes: -Infinity }));
    const points = isolate.last;
    points.push(liveBytes);
    if (points.length > RISE_POINTS)
      isolate.highestBeforeBytes = Math.max(isolate.highestBeforeBytes, points.shift()!);
    if (points.length < RISE_POINTS) return;
    // The cheap tests first: most live points of a healthy process stop here.
    if (points[points.length - 1]! - points[0]! < RISE_MIN_BYTES) return;
    if (Math.min(...points) <= isolate.highestBeforeBytes) return;
    if (mannKendallExact(points).pUp >= RISE_P) return;
    const index = points.map((_, i) => i);
    const grownBytes = theilSen({ tMs: index, values: points }).slopePerMs * (points.length - 1);
    this.#rising = grownBytes >= RISE_MIN_BYTES;
  }

  // Once true, true for good: the profiles that follow compare with the first.
  get rising(): boolean {
    return this.#rising;
  }
}
