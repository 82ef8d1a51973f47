// This process's memory as recording records, so that rssdoctor/runtime computes its
// breakdown and verdict with the same code as the CLI: a `sample` from /proc/self/status,
// one `heap` for this isolate, a `malloc` from mallinfo2, LazyFree from smaps_rollup.

import * as v8 from 'node:v8';
import type { HeapRecord, MallocRecord, SampleRecord } from '../recording/records.js';
import { parseProcStatus, sampleFromStatus } from '../sources/proc-status.js';
import { readSmapsRollup } from '../sources/proc-smaps-rollup.js';
import { readProcFile } from '../sources/proc-read.js';
import { RssdoctorError } from '../errors.js';
import { selfMalloc } from './self-malloc.js';

export function selfSample(tMs: number, withSmaps: boolean): SampleRecord {
  const read = readProcFile('/proc/self/status');
  const status = read.ok ? parseProcStatus(read.text) : null;
  if (status === null) {
    throw new RssdoctorError(
      'runtime.procUnavailable',
      'cannot read /proc/self/status: rssdoctor/runtime needs Linux /proc',
    );
  }
  const sample = sampleFromStatus(status, process.pid, tMs);
  if (withSmaps) {
    const rollup = readSmapsRollup(process.pid);
    if (rollup.ok && rollup.rollup !== null) {
      sample.pssBytes = rollup.rollup.pssBytes;
      sample.lazyFreeBytes = rollup.rollup.lazyFreeBytes;
    }
  }
  return sample;
}

export function selfHeap(tMs: number): HeapRecord {
  const stats = v8.getHeapStatistics();
  const usage = process.memoryUsage();
  return {
    type: 'heap',
    tMs,
    pid: process.pid,
    threadId: 0,
    usedHeapBytes: stats.used_heap_size,
    totalHeapBytes: stats.total_heap_size,
    physicalHeapBytes: stats.total_physical_size,
    externalBytes: usage.external,
    arrayBuffersBytes: usage.arrayBuffers,
  };
}

export function selfMallocRecord(tMs: number): MallocRecord | null {
  const figures = selfMalloc().info();
  return figures === null ? null : { type: 'malloc', tMs, pid: process.pid, ...figures };
}
