// A JVM log size: "24M", "3072K", "1.5G", "512B" (unified logging and JDK 8 both), in
// bytes. The JVM prints binary units: K is 1024.

const UNIT: Record<string, number> = { B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

// What a live figure is credited with (last-step.ts): unified logging (JDK 9+) prints heap
// sizes in whole MiB ("24M->4M(256M)"), JDK 8's -XX:+PrintGCDetails in KiB; the coarser is
// taken. Credited with none, a leak of 5-7 live points whose last two read the same MiB
// 0.3 s apart (the final GC.run, then attribution's histogram GC) reads as growth that
// stopped (test/runtimes/jvm/size.test.ts).
export const JVM_LOG_RESOLUTION_BYTES = 1024 ** 2;

export const JVM_SIZE = String.raw`\d+(?:\.\d+)?[BKMG]?`;

export function jvmSizeBytes(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([BKMG]?)$/.exec(text);
  if (m === null) return Number.NaN;
  return Math.round(Number(m[1]) * UNIT[m[2] === '' ? 'B' : m[2]!]!);
}
