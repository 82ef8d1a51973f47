// A JVM log size: "24M", "3072K", "1.5G", "512B" (unified logging and JDK 8 both), in
// bytes. The JVM prints binary units: K is 1024.

const UNIT: Record<string, number> = { B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

export const JVM_SIZE = String.raw`\d+(?:\.\d+)?[BKMG]?`;

export function jvmSizeBytes(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([BKMG]?)$/.exec(text);
  if (m === null) return Number.NaN;
  return Math.round(Number(m[1]) * UNIT[m[2] === '' ? 'B' : m[2]!]!);
}
