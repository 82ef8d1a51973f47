// The JVM's caps: the heap's (-Xmx, or the ergonomic default its GC log states), met by
// the live heap; and the direct-buffer and metaspace caps where its options set them,
// named but not projected (no series rssdoctor records measures either alone).

import type { ProcessRecordLists } from '../../analysis/process-findings.js';
import type { MemoryCap } from '../../analysis/memory-cap.js';

export function jvmCaps(lists: ProcessRecordLists): MemoryCap[] {
  const facts = lists.jvmFacts;
  const out: MemoryCap[] = [];
  if (facts?.maxHeapBytes != null) {
    out.push({
      kind: 'java-heap',
      limitBytes: facts.maxHeapBytes,
      against: 'live',
      name: 'the Java heap limit (-Xmx)',
    });
  }
  if (facts?.maxDirectBytes != null) {
    out.push({
      kind: 'java-direct',
      limitBytes: facts.maxDirectBytes,
      against: null,
      name: 'the direct buffer limit (-XX:MaxDirectMemorySize)',
    });
  }
  if (facts?.maxMetaspaceBytes != null) {
    out.push({
      kind: 'java-metaspace',
      limitBytes: facts.maxMetaspaceBytes,
      against: null,
      name: 'the metaspace limit (-XX:MaxMetaspaceSize)',
    });
  }
  return out;
}
