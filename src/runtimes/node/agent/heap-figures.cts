// The calling isolate's heap figures, as the agent reports them every tick and
// rssdoctor/runtime reads them on demand.

import * as v8 from 'node:v8';

export interface HeapFigures {
  usedHeapBytes: number;
  totalHeapBytes: number;
  // V8's total_physical_size: the committed heap pages actually touched (resident).
  physicalHeapBytes: number;
  externalBytes: number;
  arrayBuffersBytes: number;
}

export function heapFigures(): HeapFigures {
  const stats = v8.getHeapStatistics();
  const usage = process.memoryUsage();
  return {
    usedHeapBytes: stats.used_heap_size,
    totalHeapBytes: stats.total_heap_size,
    physicalHeapBytes: stats.total_physical_size,
    externalBytes: usage.external,
    arrayBuffersBytes: usage.arrayBuffers,
  };
}
