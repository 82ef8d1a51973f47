// Off-heap memory of a process over time: anonymous resident memory minus what the
// runtime accounts for, minus LazyFree (freed, still counted until the kernel reclaims).
//
//     native = RssAnon − accounted − LazyFree
//
// `accounted` is a step series from the runtime source (each runtime module's
// `accounted`). A flat live heap with this rising is memory allocated outside the
// runtime's sight (native addons, FFI, cgo, C libraries, mmap): a native leak.

// Each runtime module says how much off-heap growth is its own warm-up (nativeMinBytes).

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
