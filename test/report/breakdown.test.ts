// The breakdown's fitting, on records built by hand: resident parts first, upper bounds
// capped at what anon has left, nothing negative, unexplained what remains.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyRecordLists } from '../../src/analysis/process-findings.js';
import type { SampleRecord } from '../../src/recording/records.js';
import { breakdownOf } from '../../src/report/breakdown.js';

const MIB = 1024 * 1024;

function sample(anonMib: number, tMs = 1000): SampleRecord {
  return {
    type: 'sample',
    tMs,
    pid: 1,
    rssBytes: (anonMib + 30) * MIB,
    rssAnonBytes: anonMib * MIB,
    rssFileBytes: 30 * MIB,
    rssShmemBytes: 0,
    swapBytes: 5 * MIB,
    threads: 7,
  };
}

function nodeLists(anonMib: number, mallocFreeMib: number) {
  const lists = emptyRecordLists();
  lists.samples.push(sample(anonMib));
  lists.heaps.push({
    type: 'heap',
    tMs: 900,
    pid: 1,
    threadId: 0,
    usedHeapBytes: 20 * MIB,
    totalHeapBytes: 40 * MIB,
    physicalHeapBytes: 30 * MIB,
    externalBytes: 0,
    arrayBuffersBytes: 0,
  });
  lists.mallocs.push({
    type: 'malloc',
    tMs: 900,
    pid: 1,
    inUseBytes: 10 * MIB,
    freeBytes: mallocFreeMib * MIB,
    mmapBytes: 0,
  });
  return lists;
}

test('breakdown: node parts within anon, unexplained what is left; swap beside RSS', () => {
  const { rssBytes, swapBytes, parts } = breakdownOf(nodeLists(50, 5), 'node');
  assert.equal(rssBytes, 80 * MIB);
  assert.equal(swapBytes, 5 * MIB);
  assert.equal(parts.liveHeap!.bytes, 20 * MIB);
  assert.equal(parts.heapFree!.bytes, 10 * MIB);
  assert.equal(parts.mallocInUse!.bytes, 10 * MIB);
  assert.equal(parts.allocatorFree!.bytes, 5 * MIB);
  assert.equal(parts.unexplained!.bytes, 5 * MIB);
  assert.equal(parts.stacks!.bytes, null);
  assert.match(parts.stacks!.why!, /--deep/);
});

test('breakdown: upper bounds are capped at what anon has left, never negative', () => {
  const { parts } = breakdownOf(nodeLists(45, 40), 'node');
  // resident 30 MiB first; malloc in use 10 MiB; allocator free gets the 5 MiB left.
  assert.equal(parts.allocatorFree!.bytes, 5 * MIB);
  assert.equal(parts.allocatorFree!.kind, 'upperBound');
  assert.equal(parts.unexplained!.bytes, 0);
  for (const part of Object.values(parts)) assert.ok(part.bytes === null || part.bytes >= 0);
});

test('breakdown: the figures of the moment, not the last sample of a shutdown', () => {
  const lists = nodeLists(50, 5);
  lists.anonMaps.push({
    type: 'anon-map',
    tMs: 1000,
    pid: 1,
    anonBytes: 50 * MIB,
    lazyFreeBytes: 0,
    heapBytes: null,
    stacksBytes: 1 * MIB,
    stacksFound: 7,
    threads: 7,
  });
  // A later sample, taken while the process shut down: not the one the breakdown splits.
  lists.samples.push(sample(8, 4000));
  const { parts } = breakdownOf(lists, 'node');
  assert.equal(parts.anon!.bytes, 50 * MIB);
  assert.equal(parts.stacks!.bytes, 1 * MIB);
  assert.equal(parts.unexplained!.bytes, 4 * MIB);
});

test('breakdown: an OS-level target keeps anon whole, and says why', () => {
  const lists = emptyRecordLists();
  lists.samples.push(sample(50));
  const { parts } = breakdownOf(lists, 'other');
  assert.equal(parts.unexplained!.bytes, 50 * MIB);
  assert.match(parts.unexplained!.why!, /OS-level/);
  assert.equal(parts.liveHeap, undefined);
});

test('breakdown: Go before its first GC: the heap arenas are an upper bound on live data', () => {
  const lists = emptyRecordLists();
  lists.samples.push(sample(2));
  lists.anonMaps.push({
    type: 'anon-map',
    tMs: 1000,
    pid: 1,
    anonBytes: 2 * MIB,
    lazyFreeBytes: 0,
    heapBytes: 1.5 * MIB,
    stacksBytes: null,
    stacksFound: null,
    threads: null,
  });
  const { parts } = breakdownOf(lists, 'go');
  assert.equal(parts.liveHeap!.kind, 'upperBound');
  assert.equal(parts.liveHeap!.bytes, 1.5 * MIB);
  assert.equal(parts.heapFree!.bytes, null);
  assert.equal(parts.offHeap!.bytes, 0.5 * MIB);
  assert.equal(parts.unexplained!.bytes, 0);
});
