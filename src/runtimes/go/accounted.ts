// What a Go process's runtime accounts for after each GC: the heap may grow to its goal,
// and the scavenger keeps up to GO_RETAINED_FRACTION of the goal before it returns pages
// (runtime/mgcscavenge.go, retainExtraPercent = 10), plus the scanned goroutine stacks.

import type { GcRecord } from '../../recording/records.js';
import type { Series } from '../../analysis/series.js';

export const GO_RETAINED_FRACTION = 1.1;

export function goAccounted(gcs: readonly GcRecord[]): Series {
  const out: Series = { tMs: [], values: [] };
  for (const gc of gcs) {
    if (gc.goalBytes === undefined) continue;
    const heapBytes = Math.max(gc.goalBytes * GO_RETAINED_FRACTION, gc.heapBeforeBytes ?? 0);
    out.tMs.push(gc.tMs);
    out.values.push(heapBytes + (gc.stacksBytes ?? 0));
  }
  return out;
}
