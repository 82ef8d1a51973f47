// readMemStats(): this process's memory in one typed object, with the same breakdown the
// CLI's Report gives (report/breakdown.ts on this process's own records).

import { emptyRecordLists } from '../analysis/process-findings.js';
import { breakdownOf } from '../report/breakdown.js';
import type { Breakdown } from '../report/report.js';
import { gcCounts, type GcCounts } from './gc-counter.js';
import { selfMalloc } from './self-malloc.js';
import { selfHeap, selfMallocRecord, selfSample } from './self-records.js';

export interface MemStats {
  rssBytes: number;
  // Beside RSS, never inside it.
  swapBytes: number;
  breakdown: Breakdown;
  // This isolate's V8 heap.
  heap: {
    usedBytes: number;
    totalBytes: number;
    physicalBytes: number;
    externalBytes: number;
    arrayBuffersBytes: number;
  };
  // glibc malloc (mallinfo2); null, with mallocWhy, where koffi or glibc is missing.
  malloc: { inUseBytes: number; freeBytes: number; mmapBytes: number } | null;
  mallocWhy?: string;
  gc: GcCounts;
}

export function readMemStats(): MemStats {
  const sample = selfSample(0, true);
  const heap = selfHeap(0);
  const malloc = selfMallocRecord(0);
  const lists = emptyRecordLists();
  lists.samples.push(sample);
  lists.heaps.push(heap);
  if (malloc !== null) lists.mallocs.push(malloc);
  const mallocWhy = selfMalloc().why;
  return {
    rssBytes: sample.rssBytes,
    swapBytes: sample.swapBytes,
    breakdown: breakdownOf(lists, 'node', mallocWhy ?? null),
    heap: {
      usedBytes: heap.usedHeapBytes,
      totalBytes: heap.totalHeapBytes,
      physicalBytes: heap.physicalHeapBytes ?? heap.totalHeapBytes,
      externalBytes: heap.externalBytes,
      arrayBuffersBytes: heap.arrayBuffersBytes,
    },
    malloc:
      malloc === null
        ? null
        : {
            inUseBytes: malloc.inUseBytes,
            freeBytes: malloc.freeBytes,
            mmapBytes: malloc.mmapBytes,
          },
    ...(mallocWhy === undefined ? {} : { mallocWhy }),
    gc: gcCounts(),
  };
}
