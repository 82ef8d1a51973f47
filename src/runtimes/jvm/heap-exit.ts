// The heap summary a JVM logs when it exits (gc+heap+exit; PrintGCDetails on JDK 8):
// used heap, and the young generation's capacity where the collector has a fixed one.
//
//    garbage-first heap   total 397312K, used 5003K [0x…, 0x…)          G1
//    PSYoungGen      total 76288K, used 2621K [0x…, 0x…, 0x…)           Parallel
//    ParOldGen       total 175104K, used 0K [0x…, 0x…, 0x…)
//    def new generation   total 78656K, used 2797K [0x…, 0x…, 0x…)      Serial
//    tenured generation   total 174784K, used 0K [0x…, 0x…, 0x…)
//
// G1 sizes its young generation per pause, never below G1NewSizePercent (5%) of the heap:
// that floor is the young capacity used for G1. ZGC and Shenandoah (17) have none.

export const G1_NEW_SIZE_PERCENT = 5;

export interface HeapAtExit {
  heapUsedBytes: number | null;
  youngCapacityBytes: number | null;
}

const KIB = 1024;
// Not anchored: the line may carry unified logging's decorations or none (JDK 8).
const LINE =
  /(?:^|\] )\s*(garbage-first heap|PSYoungGen|ParOldGen|def new generation|tenured generation)\s+total (\d+)K, used (\d+)K/;

export function readHeapExitLine(line: string, into: HeapAtExit): void {
  const m = LINE.exec(line);
  if (m === null) return;
  const totalBytes = Number(m[2]) * KIB;
  const usedBytes = Number(m[3]) * KIB;
  into.heapUsedBytes = (into.heapUsedBytes ?? 0) + usedBytes;
  if (m[1] === 'garbage-first heap') {
    into.youngCapacityBytes = (totalBytes * G1_NEW_SIZE_PERCENT) / 100;
  } else if (m[1] === 'PSYoungGen' || m[1] === 'def new generation') {
    into.youngCapacityBytes = totalBytes;
  }
}
