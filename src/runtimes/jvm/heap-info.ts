// The heap in use, from GC.heap_info's output: the sum of the "used" of every line that
// reports a generation or a whole heap ("total NK, used NK"), which is the whole Java heap
// for G1, Parallel and Serial (metaspace lines say "used N, committed", without "total").
//
//    garbage-first heap   total 262144K, used 25370K [0x…, 0x…)
//    PSYoungGen      total 76288K, used 3932K [0x…, 0x…, 0x…)
//    ParOldGen       total 175104K, used 1024K [0x…, 0x…, 0x…)
//
// null when no such line is printed (ZGC and Shenandoah report differently).

export function parseHeapUsedBytes(output: string): number | null {
  let usedKiB: number | null = null;
  for (const match of output.matchAll(/total (\d+)K, used (\d+)K/g)) {
    usedKiB = (usedKiB ?? 0) + Number(match[2]);
  }
  return usedKiB === null ? null : usedKiB * 1024;
}
