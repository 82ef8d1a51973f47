// Node's cap: the V8 heap limit of its main isolate. heap_size_limit counts the young
// generation too; the live heap (what survives a full GC, in the old generation) meets the
// limit at the old generation's cap, --max-old-space-size. Measured with
// `node --trace-gc --max-old-space-size=64 test/fixtures/programs/leak-rate.mjs 4000 2000 0`
// (heap_size_limit 112 MiB): its last mark-compacts left 62.6 and 70.1 MB used before V8
// died. The young generation's survivors count in the live heap but not against the cap,
// so the limit bites within a semi-space (a third of the young generation) above it.

import type { ProcessRecordLists } from '../../analysis/process-findings.js';
import type { MemoryCap } from '../../analysis/memory-cap.js';

export function nodeCaps(lists: ProcessRecordLists): MemoryCap[] {
  const main = lists.heaps.findLast(
    (heap) => heap.threadId === 0 && heap.heapSizeLimitBytes !== undefined,
  );
  if (main?.heapSizeLimitBytes === undefined) return [];
  const oldBytes = main.heapSizeLimitBytes - (main.youngGenerationBytes ?? 0);
  return oldBytes > 0
    ? [
        {
          kind: 'v8-heap',
          limitBytes: oldBytes,
          against: 'live',
          name: "the V8 heap limit (its old generation's, --max-old-space-size)",
          marginBytes: (main.youngGenerationBytes ?? 0) / 3,
        },
      ]
    : [];
}
