// This process's memory as recording records, so that rssdoctor/runtime computes its
// breakdown and verdict with the same code as the CLI: a `sample` from /proc/self/status,
// one `heap` for this isolate, a `malloc` from mallinfo2, LazyFree from smaps_rollup.

import type { HeapRecord, MallocRecord, SampleRecord } from '../recording/records.js';
import { parseProcStatus, sampleFromStatus } from '../sources/proc-status.js';
import { readSmapsRollup } from '../sources/proc-smaps-rollup.js';
import { readProcFile } from '../sources/proc-read.js';
import { RssdoctorError } from '../errors.js';
import { heapFigures } from '../runtimes/node/agent/heap-figures.cjs';
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
  return { type: 'heap', tMs, pid: process.pid, threadId: 0, ...heapFigures() };
}

export function selfMallocRecord(tMs: number): MallocRecord | null {
  const figures = selfMalloc().info();
  return figures === null ? null : { type: 'malloc', tMs, pid: process.pid, ...figures };
}
