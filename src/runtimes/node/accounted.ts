// What a Node process's runtime accounts for at each heap report: Σ over isolates of the
// V8 heap committed plus external memory. External is included because surviving Buffers
// already count as live data; they are not off-heap growth.

import type { HeapRecord } from '../../recording/records.js';
import type { Series } from '../../analysis/series.js';

export function nodeAccounted(heaps: readonly HeapRecord[]): Series {
  const out: Series = { tMs: [], values: [] };
  const latest = new Map<number, number>();
  for (const heap of heaps) {
    latest.set(heap.threadId, heap.totalHeapBytes + heap.externalBytes);
    let sum = 0;
    for (const value of latest.values()) sum += value;
    out.tMs.push(heap.tMs);
    out.values.push(sum);
  }
  return out;
}
