// Go's cap: GOMEMLIMIT, a soft limit on all the memory the runtime manages (heap, stacks,
// its own structures). Near it the GC runs ever more often to stay under; past the live
// heap it cannot, and the program spends its time collecting. Measured against RSS, which
// also holds what the runtime does not manage (cgo's malloc): an earlier time, not a later.

import type { ProcessRecordLists } from '../../analysis/process-findings.js';
import type { MemoryCap } from '../../analysis/memory-cap.js';

export function goCaps(lists: ProcessRecordLists): MemoryCap[] {
  const limitBytes = lists.goFacts?.memoryLimitBytes ?? null;
  return limitBytes === null
    ? []
    : [{ kind: 'gomemlimit', limitBytes, against: 'rss', name: 'GOMEMLIMIT' }];
}
