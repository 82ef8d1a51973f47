// Off-heap memory of a process over time: anonymous resident memory minus what the
// runtime accounts for, minus LazyFree (freed, still counted until the kernel reclaims).
//
//     native = RssAnon − accounted − LazyFree
//
// `accounted` is a step series from the runtime source (node-accounted.ts,
// go-accounted.ts). A flat live heap with this rising is memory allocated outside the
// runtime's sight (native addons, FFI, cgo, C libraries, mmap): a native leak.

// A fresh Node process grows its own native memory (code caches, a malloc arena per
// thread) as it warms up: 1.4 MiB over the first 20 s of the steady fixture, measured
// here. Off-heap growth below this is not called a leak.
export const NATIVE_LEAK_MIN_BYTES = 4 * 1024 * 1024;
// A JVM grows its code cache and metaspace for a while after start (JIT warm-up): off-heap
// growth below this is not called a leak.
export const JVM_NATIVE_LEAK_MIN_BYTES = 8 * 1024 * 1024;

import type { SampleRecord } from '../recording/records.js';
import type { Series } from './series.js';

export function nativeSeries(samples: readonly SampleRecord[], accounted: Series): Series {
  const out: Series = { tMs: [], values: [] };
  let a = -1;
  let lazyFreeBytes = 0;
  for (const sample of samples) {
    while (a + 1 < accounted.tMs.length && accounted.tMs[a + 1]! <= sample.tMs) a++;
    if (sample.lazyFreeBytes !== undefined) lazyFreeBytes = sample.lazyFreeBytes;
    if (a < 0) continue;
    out.tMs.push(sample.tMs);
    out.values.push(Math.max(0, sample.rssAnonBytes - accounted.values[a]! - lazyFreeBytes));
  }
  return out;
}
