// GC counts of this isolate, from the `gc` performance entries. Counting starts the first
// time rssdoctor/runtime is asked (importing it starts nothing), and entries arrive
// asynchronously, so a GC shows in the counts on a later turn of the event loop.

import { constants, PerformanceObserver } from 'node:perf_hooks';

export interface GcCounts {
  full: number;
  minor: number;
  // Milliseconds since counting started.
  sinceMs: number;
}

let observer: PerformanceObserver | undefined;
let startedMs = 0;
const counts = { full: 0, minor: 0 };

export function gcCounts(): GcCounts {
  if (observer === undefined) {
    startedMs = performance.now();
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
        if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) counts.full++;
        else counts.minor++;
      }
    });
    observer.observe({ entryTypes: ['gc'] });
  }
  return { ...counts, sinceMs: performance.now() - startedMs };
}
