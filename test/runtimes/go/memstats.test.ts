// MemStats as net/http/pprof (heap?debug=1) and expvar (/debug/vars) print it: the fields
// attach reads, the estimate from a goal, and any text (fuzzed) parsed or refused.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  liveFromGoal,
  parseExpvarMemStats,
  parsePprofMemStats,
} from '../../../src/runtimes/go/memstats.js';

// The tail of heap?debug=1 from Go 1.19 (runtime/pprof writeHeapInternal).
const PPROF = `heap profile: 3: 1048576 [4: 2097152] @ heap/1048576
# runtime.MemStats
# Alloc = 5242880
# TotalAlloc = 9437184
# Sys = 13981712
# HeapAlloc = 5242880
# HeapSys = 7864320
# StackInuse = 524288
# NextGC = 11534336
# NumGC = 7
`;

test('memstats: the pprof text gives the heap, the goal, the count and the stacks', () => {
  assert.deepEqual(parsePprofMemStats(PPROF), {
    heapAllocBytes: 5242880,
    nextGcBytes: 11534336,
    numGc: 7,
    stackInuseBytes: 524288,
  });
  assert.equal(parsePprofMemStats('404 page not found'), null);
});

test('memstats: expvar’s memstats object, and what is not one', () => {
  const vars = JSON.stringify({
    cmdline: ['x'],
    memstats: { HeapAlloc: 10, NextGC: 20, NumGC: 3, StackInuse: 4 },
  });
  assert.deepEqual(parseExpvarMemStats(vars), {
    heapAllocBytes: 10,
    nextGcBytes: 20,
    numGc: 3,
    stackInuseBytes: 4,
  });
  assert.equal(parseExpvarMemStats('{"memstats": {"HeapAlloc": "10"}}'), null);
  assert.equal(parseExpvarMemStats('not json'), null);
});

test('memstats: the live heap a goal implies, at GOGC 100', () => {
  // goal = live + (live + stacks) × 1: live 10 MiB, stacks 1 MiB → goal 21 MiB.
  const mib = 1024 * 1024;
  const live = liveFromGoal(
    { heapAllocBytes: 0, nextGcBytes: 21 * mib, numGc: 1, stackInuseBytes: mib },
    100,
  );
  assert.equal(live, 10 * mib);
});

test('memstats: any text parses to MemStats or null, never throws', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (text) => {
      const pprof = parsePprofMemStats(text);
      const expvar = parseExpvarMemStats(text);
      for (const stats of [pprof, expvar]) {
        if (stats !== null) assert.ok(Number.isFinite(stats.heapAllocBytes));
      }
    }),
  );
});
