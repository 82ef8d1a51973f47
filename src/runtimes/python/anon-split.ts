// Python: anon is pymalloc's arenas (objects of at most 512 bytes, mmap'd in 256 KiB or
// 1 MiB arenas) plus glibc malloc (larger objects, C extensions) plus thread stacks.
// pymalloc reports blocks, not bytes: its share is a nominal figure (an upper bound only
// by convention), so it is marked as such; the malloc figures are glibc's own.

import { known, unknownPart, type AnonPart } from '../../report/anon-part.js';
import type { BreakdownInputs } from '../../report/breakdown-inputs.js';
import { SMALL_BLOCK_BYTES } from './words.js';

export function pythonAnonParts(inputs: BreakdownInputs, mallocWhy: string | null): AnonPart[] {
  const heap = inputs.heaps[0];
  const noMalloc = mallocWhy ?? 'the agent sent no malloc figures for this process';
  return [
    heap === undefined
      ? unknownPart('liveHeap', 'the agent sent no figures for this process')
      : known(
          'liveHeap',
          heap.usedHeapBytes,
          'upperBound',
          `the interpreter at start (its RssAnon outside malloc) plus ${SMALL_BLOCK_BYTES} B per pymalloc block since: CPython counts its small objects, not their bytes`,
        ),
    unknownPart('heapFree', "pymalloc's free space inside its arenas is not exposed"),
    inputs.malloc === null
      ? unknownPart('mallocInUse', noMalloc, 'upperBound')
      : known('mallocInUse', inputs.malloc.inUseBytes, 'upperBound'),
    inputs.malloc === null
      ? unknownPart('allocatorFree', noMalloc, 'upperBound')
      : known('allocatorFree', inputs.malloc.freeBytes, 'upperBound'),
  ];
}
