// Node: anon is V8's heap pages (mmap'd by V8, outside malloc) plus glibc malloc's arenas
// and mmaps (Buffers' backing stores, native addons, V8's own mallocs) plus thread stacks.
// Measured with readMemStats() on a bare node 20 here (the command is in docs/runtime.md):
// anon 10.41 MiB = V8 used 5.55 + V8 free 1.48 + malloc in use 2.94 + malloc free 0.45
// (0.01 MiB over: the malloc figures are upper bounds).

import { known, unknownPart, type AnonPart } from '../../report/anon-part.js';
import type { BreakdownInputs } from '../../report/breakdown-inputs.js';

// The breakdown's liveHeap is the heap at the end; the verdict's live data is what a full
// GC kept, Buffers included. Two figures, so the part says which it is.
const HEAP_NOW =
  'the V8 heap in use at the end, garbage not yet collected included; the live data the verdict reads is what a full GC kept, Buffers included (they are in mallocInUse)';

export function nodeAnonParts(inputs: BreakdownInputs, mallocWhy: string | null): AnonPart[] {
  const { heaps, malloc } = inputs;
  const parts: AnonPart[] = [];
  if (heaps.length === 0) {
    parts.push(unknownPart('liveHeap', 'the agent sent no heap figures for this process'));
    parts.push(unknownPart('heapFree', 'the agent sent no heap figures for this process'));
  } else {
    let usedBytes = 0;
    let physicalBytes = 0;
    let totalBytes = 0;
    let allPhysical = true;
    for (const heap of heaps) {
      usedBytes += heap.usedHeapBytes;
      totalBytes += heap.totalHeapBytes;
      if (heap.physicalHeapBytes === undefined) allPhysical = false;
      else physicalBytes += heap.physicalHeapBytes;
    }
    parts.push(known('liveHeap', usedBytes, 'resident', HEAP_NOW));
    parts.push(
      allPhysical
        ? known('heapFree', physicalBytes - usedBytes, 'resident')
        : known(
            'heapFree',
            totalBytes - usedBytes,
            'upperBound',
            'committed V8 heap minus used (this recording has no physical size)',
          ),
    );
  }
  const noMalloc =
    mallocWhy ??
    "the agent reads glibc's malloc figures only at the end of the run or at a release (loading them costs the target about 4 MiB)";
  parts.push(
    malloc === null
      ? unknownPart('mallocInUse', noMalloc, 'upperBound')
      : known('mallocInUse', malloc.inUseBytes, 'upperBound'),
  );
  parts.push(
    malloc === null
      ? unknownPart('allocatorFree', noMalloc, 'upperBound')
      : known('allocatorFree', malloc.freeBytes, 'upperBound'),
  );
  return parts;
}
