// Off-heap memory of a Node process over time: anonymous resident memory minus what the
// runtime accounts for.
//
//     native = RssAnon − Σ isolates (V8 heap committed + external) − LazyFree
//
// A flat live heap with this rising is memory allocated outside V8's sight (native
// addons, malloc through FFI, leaked handles): a native leak. External memory (Buffers) is
// subtracted because surviving Buffers already count as live data.

// A fresh Node process grows its own native memory (code caches, a malloc arena per
// thread) as it warms up: 1.4 MiB over the first 20 s of the steady fixture, measured
// here. Off-heap growth below this is not called a leak.
export const NATIVE_LEAK_MIN_BYTES = 4 * 1024 * 1024;

import type { HeapRecord, SampleRecord } from '../recording/records.js';
import type { Series } from './series.js';

export function nativeSeries(
  samples: readonly SampleRecord[],
  heaps: readonly HeapRecord[],
): Series {
  const out: Series = { tMs: [], values: [] };
  const latest = new Map<number, number>();
  let h = 0;
  let lazyFreeBytes = 0;
  for (const sample of samples) {
    while (h < heaps.length && heaps[h]!.tMs <= sample.tMs) {
      const heap = heaps[h]!;
      latest.set(heap.threadId, heap.totalHeapBytes + heap.externalBytes);
      h++;
    }
    if (sample.lazyFreeBytes !== undefined) lazyFreeBytes = sample.lazyFreeBytes;
    if (latest.size === 0) continue;
    let accounted = 0;
    for (const value of latest.values()) accounted += value;
    out.tMs.push(sample.tMs);
    out.values.push(Math.max(0, sample.rssAnonBytes - accounted - lazyFreeBytes));
  }
  return out;
}
