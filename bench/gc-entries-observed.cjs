// For bench/agent-parts.mjs to price: GC observation by PerformanceObserver `gc` entries in
// every isolate, each entry read as the agent read it (its kind, and the heap on a full
// GC). Entries that outlive a scavenge are promoted, and a busy target may run no full GC
// to free them.
/* global require */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const v8 = require('node:v8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PerformanceObserver, constants } = require('node:perf_hooks');

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) v8.getHeapSpaceStatistics();
  }
}).observe({ entryTypes: ['gc'] });
