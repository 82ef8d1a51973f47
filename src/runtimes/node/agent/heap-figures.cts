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
  heapSizeLimitBytes: number;
  youngGenerationBytes: number;
}

const MIB = 1024 * 1024;
// V8's default semi-space cap on 64-bit (8 MiB × its pointer multiplier of 2). Its
// heap_size_limit is the old generation's cap plus three semi-spaces (two for the
// scavenger, one for new large objects): 4144 MiB = 4096 + 48 on this machine, 144 = 96 +
// 48 with --max-old-space-size=96, 4108 = 4096 + 12 with --max-semi-space-size=4. V8 has
// no getter for the flag, so it is read where Node takes it.
const DEFAULT_SEMI_SPACE_MIB = 16;

export function heapFigures(): HeapFigures {
  const stats = v8.getHeapStatistics();
  const usage = process.memoryUsage();
  return {
    usedHeapBytes: stats.used_heap_size,
    totalHeapBytes: stats.total_heap_size,
    physicalHeapBytes: stats.total_physical_size,
    externalBytes: usage.external,
    arrayBuffersBytes: usage.arrayBuffers,
    heapSizeLimitBytes: stats.heap_size_limit,
    youngGenerationBytes: Math.min(3 * semiSpaceMib() * MIB, stats.heap_size_limit),
  };
}

let semiSpace: number | undefined;

// The last --max-semi-space-size wins, NODE_OPTIONS before the command line's.
function semiSpaceMib(): number {
  if (semiSpace !== undefined) return semiSpace;
  const words = [...(process.env.NODE_OPTIONS ?? '').split(/\s+/), ...process.execArgv];
  semiSpace = DEFAULT_SEMI_SPACE_MIB;
  for (const word of words) {
    const value = /^--max[-_]semi[-_]space[-_]size=(\d+)$/.exec(word)?.[1];
    if (value !== undefined) semiSpace = Number(value);
  }
  return semiSpace;
}
