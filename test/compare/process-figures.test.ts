// The rate a comparison tests: the second half of the run, or its last 5 live points when
// a sparse run's second half has fewer (the CI failure of "two runs of the same leak are
// unchanged": 8 live points in 12 s left 4 in the second half, and no live rate at all).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyRecordLists } from '../../src/analysis/process-findings.js';
import { processFigures } from '../../src/compare/process-figures.js';
import type { GcRecord, SampleRecord } from '../../src/recording/records.js';
import type { ProcessGroup } from '../../src/report/group-by-process.js';

const MIB = 1024 * 1024;

function group(liveTimesS: number[], bytesPerSecond: number): ProcessGroup {
  const gcs: GcRecord[] = liveTimesS.map((s) => ({
    type: 'gc',
    tMs: s * 1000,
    pid: 1,
    kind: 'full',
    forced: true,
    // A start-up step of 4 MiB in the first second, then the steady rate.
    liveBytes: 10 * MIB + (s > 1 ? 4 * MIB : 0) + bytesPerSecond * s,
  }));
  const samples: SampleRecord[] = Array.from({ length: 60 }, (_, i) => ({
    type: 'sample',
    tMs: i * 200,
    pid: 1,
    rssBytes: 50 * MIB,
    rssAnonBytes: 20 * MIB,
    rssFileBytes: 30 * MIB,
    rssShmemBytes: 0,
    swapBytes: 0,
    threads: 1,
  }));
  return {
    ...emptyRecordLists(),
    gcs,
    samples,
    runtime: 'node',
    name: 'x',
    threads: new Set(),
    mallocWhy: null,
  };
}

test('process figures: a sparse run still gets a live rate, from its last 5 points', () => {
  const rate = 400 * 1024;
  // 8 points, the first before the start-up step: the second half holds 4.
  const figures = processFigures(1, group([1, 2.3, 3.7, 6.1, 7.5, 10.9, 11.5, 12], rate), 'leak');
  assert.ok(figures.live !== null, 'no live rate');
  assert.ok(Math.abs(figures.live.bytesPerSecond - rate) < 1, `${figures.live.bytesPerSecond}`);
});

test('process figures: a dense run is judged on its second half only (the start-up step left out)', () => {
  const rate = 400 * 1024;
  const times = Array.from({ length: 12 }, (_, i) => i + 1);
  const figures = processFigures(1, group(times, rate), 'leak');
  assert.ok(Math.abs(figures.live!.bytesPerSecond - rate) < 1);
  // Fewer than 5 points in all: no rate, rather than one from too little.
  assert.equal(processFigures(1, group([1, 2, 3, 4], rate), 'leak').live, null);
});
