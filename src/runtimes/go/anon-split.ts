// Go: anon is the heap arenas (live data, free spans not yet returned, goroutine stacks)
// plus what lies outside them (runtime metadata, cgo/C allocations, direct mmaps). The
// arenas' resident bytes come from smaps (sources/go-arena-ranges.ts); H2, the live heap
// after the last GC, from gctrace. Measured on the no-gc-yet fixture with Go 1.19.8
// (`go build -o /tmp/no-gc-yet ./no-gc-yet` in test/fixtures/go, then `rssdoctor run
// --duration 12 --interval 0.5 -- /tmp/no-gc-yet`): anon 1004 KiB = 756 KiB in the arenas
// + 248 KiB outside them.

import { GO_RETAINED_FRACTION } from './accounted.js';
import { known, unknownPart, type AnonPart } from '../../report/anon-part.js';
import type { BreakdownInputs } from '../../report/breakdown-inputs.js';

const OFF_HEAP_WHY =
  'outside the Go heap arenas: runtime metadata (spans, GC bitmaps), cgo/C allocations, direct mmaps';

export function goAnonParts(inputs: BreakdownInputs): AnonPart[] {
  const { anonMap, liveGc, lastGc } = inputs;
  const lazyFreeBytes = inputs.lazyFreeBytes ?? 0;
  const liveBytes = liveGc?.liveBytes ?? null;
  if (anonMap !== null && anonMap.heapBytes !== null) {
    const heapBytes = Math.max(0, anonMap.heapBytes - lazyFreeBytes);
    const offHeap = known(
      'offHeap',
      anonMap.anonBytes - anonMap.heapBytes - (anonMap.stacksBytes ?? 0),
      'resident',
      OFF_HEAP_WHY,
    );
    if (liveBytes === null) {
      return [
        known(
          'liveHeap',
          heapBytes,
          'upperBound',
          'no GC has run yet: the heap arenas hold everything allocated since start, garbage included',
        ),
        unknownPart('heapFree', 'no GC has run yet, so no live figure divides the heap'),
        offHeap,
      ];
    }
    const live = Math.min(liveBytes, heapBytes);
    return [
      known('liveHeap', live, 'resident', 'H2 of the last GC (gctrace, whole MiB)'),
      known(
        'heapFree',
        heapBytes - live,
        'resident',
        'heap arena pages resident beyond H2: garbage, free spans, goroutine stacks',
      ),
      offHeap,
    ];
  }
  const why =
    'no smaps read of this Go process: it ended before the first, or is not the trace owner';
  if (liveBytes === null) {
    return [
      unknownPart('liveHeap', 'no GC has run yet'),
      unknownPart('heapFree', 'no GC has run yet'),
      unknownPart('offHeap', why),
    ];
  }
  const goalBytes = lastGc?.goalBytes;
  return [
    known('liveHeap', liveBytes, 'resident', 'H2 of the last GC (gctrace, whole MiB)'),
    goalBytes === undefined
      ? unknownPart('heapFree', 'gctrace gave no heap goal')
      : known(
          'heapFree',
          goalBytes * GO_RETAINED_FRACTION - liveBytes,
          'upperBound',
          'up to the heap goal plus the scavenger’s 10%',
        ),
    unknownPart('offHeap', why),
  ];
}
