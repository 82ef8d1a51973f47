// rssdoctor/runtime: for use inside a Node program. Importing it starts nothing; each
// function does its work when called. Documented in docs/runtime.md; test/exports.test.ts
// pins this list.

export { readMemStats } from './mem-stats.js';
export type { MemStats } from './mem-stats.js';
export { fullGc as gc } from '../runtimes/node/agent/full-gc.cjs';
export { freeOSMemory } from './free-os-memory.js';
export type { FreeOSMemoryResult } from './free-os-memory.js';
export { watch } from './watch.js';
export type { WatchOptions, WatchEvent, Watchdog, WatchVerdict } from './watch.js';
export type { GcCounts } from './gc-counter.js';
export type { Breakdown, BreakdownPart, Report } from '../report/report.js';
