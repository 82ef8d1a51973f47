// JVM: anon is the Java heap's resident pages (live data and free space the collector
// keeps) plus everything outside the heap: metaspace, code cache, GC structures, thread
// stacks, direct buffers, malloc. The heap's range comes from GC.heap_info; its resident
// bytes from smaps. ZGC's heap is shared memory (RssShmem), so it has no range in anon.

import { known, unknownPart, type AnonPart } from '../../report/anon-part.js';
import type { BreakdownInputs } from '../../report/breakdown-inputs.js';

export function jvmAnonParts(inputs: BreakdownInputs): AnonPart[] {
  const { anonMap, liveGc, lastGc } = inputs;
  const liveBytes = liveGc?.liveBytes ?? null;
  if (anonMap !== null && anonMap.heapBytes !== null) {
    const live = liveBytes === null ? null : Math.min(liveBytes, anonMap.heapBytes);
    return [
      live === null
        ? unknownPart('liveHeap', 'no GC measured live data yet (no full GC or concurrent cycle)')
        : known(
            'liveHeap',
            live,
            'resident',
            'live data after the last full GC or concurrent cycle',
          ),
      live === null
        ? known(
            'heapFree',
            anonMap.heapBytes,
            'upperBound',
            'the whole resident Java heap: no live figure divides it',
          )
        : known(
            'heapFree',
            anonMap.heapBytes - live,
            'resident',
            'Java heap pages resident beyond the live data',
          ),
      known(
        'offHeap',
        anonMap.anonBytes - anonMap.heapBytes - (anonMap.stacksBytes ?? 0),
        'resident',
        'outside the Java heap: metaspace, code cache, GC structures, thread stacks, direct buffers, malloc',
      ),
    ];
  }
  const noRange =
    'the Java heap’s address range is unknown (GC.heap_info gave none, or attach failed)';
  const committed = lastGc?.heapCommittedBytes;
  return [
    liveBytes === null
      ? unknownPart('liveHeap', 'no GC measured live data yet')
      : known('liveHeap', liveBytes, 'resident'),
    committed === undefined
      ? unknownPart('heapFree', noRange)
      : known(
          'heapFree',
          committed - (liveBytes ?? 0),
          'upperBound',
          'committed heap minus live: committed pages are resident only once touched',
        ),
    unknownPart('offHeap', noRange),
  ];
}
