// The floor under a sawtooth: a trailing minimum over one sawtooth period.
//
//     bytes   /|  /|  /|  /|         raw: each ramp alone is a "significant rise"
//       │    / | / | / | / |
//       │   /  |/  |/  |/  |
//       │  ·───·───·───·───·         floor: min over the last W points, W = the longest
//       └──────────────────► t              gap between drops
//
// With no runtime source there are no post-GC points, but a collection that returns memory
// shows as a drop: one step down by more than DROP_FRACTION of the series' range. When at
// least MIN_DROPS drops are seen, every point is replaced by the minimum of the W points
// ending at it, so each window holds one trough and the ramps vanish; a drifting floor
// still drifts. Without drops the series is returned unchanged (there is no sawtooth).
// Method: the lower envelope / rolling minimum of DESIGN ("the post-GC floor (or a
// rolling minimum) rather than raw samples").

import type { Series } from './series.js';

// A drop is a one-step fall of more than this share of the 5–95% range: a GC that gave
// memory back. Noise can cross it too (AR(1) with φ = 0.9 steps by σ√(2(1−φ)) ≈ 0.45σ
// against a 3.3σ range, so about 3% of its steps do, by calculation); the trailing minimum
// of noise is still noise, and the synthetic bank checks it gives no false leak (0/200).
export const DROP_FRACTION = 0.25;
// Two drops make one full period, the least needed to size the window.
export const MIN_DROPS = 2;

export function sawtoothFloor(series: Series): Series {
  const { values } = series;
  const n = values.length;
  if (n < 3) return series;
  const sorted = Float64Array.from(values).sort();
  const range = sorted[Math.floor(0.95 * (n - 1))]! - sorted[Math.floor(0.05 * (n - 1))]!;
  if (range <= 0) return series;
  const drops: number[] = [];
  for (let i = 1; i < n; i++) {
    if (values[i - 1]! - values[i]! > DROP_FRACTION * range) drops.push(i);
  }
  if (drops.length < MIN_DROPS) return series;
  let window = 1;
  for (let k = 1; k < drops.length; k++) window = Math.max(window, drops[k]! - drops[k - 1]! + 1);
  return { tMs: series.tMs, values: trailingMinimum(values, window) };
}

// Minimum of values[i−w+1 .. i] for every i, in O(n) with a monotonic deque.
function trailingMinimum(values: readonly number[], window: number): number[] {
  const out = new Array<number>(values.length);
  const deque: number[] = [];
  let head = 0;
  for (let i = 0; i < values.length; i++) {
    while (deque.length > head && values[deque[deque.length - 1]!]! >= values[i]!) deque.pop();
    deque.push(i);
    if (deque[head]! <= i - window) head++;
    out[i] = values[deque[head]!]!;
  }
  return out;
}
