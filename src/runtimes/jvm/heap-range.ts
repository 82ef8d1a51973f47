// Where a HotSpot JVM's Java heap is in its address space, from the output of the
// GC.heap_info diagnostic command:
//
//    garbage-first heap   total 65536K, used 23818K [0x00000000fc000000, 0x0000000100000000)
//    PSYoungGen      total 19456K, used 1037K [0x…eb00000, 0x…ec00000, 0x0000000100000000)
//    ParOldGen       total 44032K, used 0K [0x00000000c0000000, 0x…, 0x00000000eab00000)
//
// The heap is one reserved range (the generations sit next to each other); the union of the
// ranges printed is it. ZGC and Shenandoah print none: ZGC's heap is shared memory
// (RssShmem), outside anon.

import type { AddressRange } from '../../sources/address-range.js';

export function parseHeapRange(output: string): AddressRange | null {
  let start: bigint | null = null;
  let end: bigint | null = null;
  for (const line of output.split('\n')) {
    const brackets = /total \d+K, used \d+K \[([^\])]*)[\])]/.exec(line);
    if (brackets === null) continue;
    for (const address of brackets[1]!.split(',')) {
      const value = BigInt(address.trim());
      if (start === null || value < start) start = value;
      if (end === null || value > end) end = value;
    }
  }
  return start === null || end === null || end <= start ? null : { start, end };
}
