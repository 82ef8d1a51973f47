// What a JVM's runtime accounts for: the Java heap's resident part (smaps of its range).
// Without it, the committed heap after each GC: an upper bound, because committed pages
// become resident only when touched, so off-heap growth is then under-read, never faked.

import type { GcRecord, HeapResidentRecord } from '../../recording/records.js';
import type { Series } from '../../analysis/series.js';

export function jvmAccounted(
  residents: readonly HeapResidentRecord[],
  gcs: readonly GcRecord[],
): Series {
  if (residents.length > 0) {
    return { tMs: residents.map((r) => r.tMs), values: residents.map((r) => r.residentBytes) };
  }
  const committed = gcs.filter((gc) => gc.heapCommittedBytes !== undefined);
  return {
    tMs: committed.map((gc) => gc.tMs),
    values: committed.map((gc) => gc.heapCommittedBytes!),
  };
}
