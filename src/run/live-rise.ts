// Whether a Node process's live heap is rising, for attribution's start (agent-session.ts):
// the sampling heap profiler costs a busy target 5–8% of its throughput while it runs
// (docs/benchmarks.md), so it starts only once some isolate's live points rise: the last
// RISE_POINTS of them strictly ordered upwards by the exact Mann–Kendall test
// (P(S ≥ s) < RISE_P; five strictly rising points give 1/120) and at least RISE_MIN_BYTES
// higher at the end. A healthy process never pays for it; a leak is profiled from then on.

import { mannKendallExact } from '../analysis/mann-kendall-exact.js';

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
    const grownBytes = points[points.length - 1]! - points[0]!;
    if (grownBytes < RISE_MIN_BYTES) return;
    this.#rising = mannKendallExact(points).pUp < RISE_P;
  }

  // Once true, true for good: the profiles that follow compare with the first.
  get rising(): boolean {
    return this.#rising;
  }
}
