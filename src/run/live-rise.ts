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

import { mannKendallExact } from '../analysis/mann-kendall-exact.js';
import { theilSen } from '../analysis/theil-sen.js';

export const RISE_POINTS = 5;
export const RISE_P = 0.01;
export const RISE_MIN_BYTES = 1024 * 1024;

export class LiveRise {
  readonly #byIsolate = new Map<number, number[]>();
  #rising = false;

  add(threadId: number, liveBytes: number): void {
    if (this.#rising) return;
    const points = this.#byIsolate.get(threadId) ?? [];
    points.push(liveBytes);
    if (points.length > RISE_POINTS) points.shift();
    this.#byIsolate.set(threadId, points);
    if (points.length < RISE_POINTS) return;
    // The cheap test first: most live points of a healthy process stop here.
    if (points[points.length - 1]! - points[0]! < RISE_MIN_BYTES) return;
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
