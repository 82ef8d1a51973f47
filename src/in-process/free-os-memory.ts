// freeOSMemory(): what Go's debug.FreeOSMemory does, for Node: a full GC, then glibc's
// malloc_trim(0), which hands free pages of every arena back to the kernel. Measured: RSS
// before and after, and the time it took (the process is paused for all of it).

import { performance } from 'node:perf_hooks';
import { fullGc as gc } from '../runtimes/node/agent/full-gc.cjs';
import { selfMalloc } from './self-malloc.js';
import { selfSample } from './self-records.js';

export interface FreeOSMemoryResult {
  rssBeforeBytes: number;
  rssAfterBytes: number;
  // rssBeforeBytes − rssAfterBytes; negative if RSS grew meanwhile.
  releasedBytes: number;
  durationMs: number;
  // malloc_trim ran and returned memory; false where it returned none or is unavailable.
  trimmed: boolean;
  // Why malloc_trim could not run (no koffi, no glibc).
  trimWhy?: string;
}

export function freeOSMemory(): FreeOSMemoryResult {
  const started = performance.now();
  const rssBeforeBytes = selfSample(0, false).rssBytes;
  gc();
  const malloc = selfMalloc();
  const trimmed = malloc.trim();
  const rssAfterBytes = selfSample(0, false).rssBytes;
  return {
    rssBeforeBytes,
    rssAfterBytes,
    releasedBytes: rssBeforeBytes - rssAfterBytes,
    durationMs: performance.now() - started,
    trimmed,
    ...(malloc.why === undefined ? {} : { trimWhy: malloc.why }),
  };
}
