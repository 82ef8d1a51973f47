// A limit a process runs under, detected and named: what it caps, and which series grows
// toward it. The generic ones (cgroup, ulimit -v, the machine) come from /proc
// (report/caps-of.ts); each runtime names its own (RuntimeModule.caps).

export const CAP_KINDS = [
  'cgroup',
  'v8-heap',
  'java-heap',
  'java-direct',
  'java-metaspace',
  'gomemlimit',
  'address-space',
  'machine',
] as const;

export type CapKind = (typeof CAP_KINDS)[number];

export interface MemoryCap {
  kind: CapKind;
  limitBytes: number;
  // What it is measured against: the live heap (a heap limit), RSS (a memory limit), the
  // address space (ulimit -v, VmSize), or nothing rssdoctor records (the JVM's direct and
  // metaspace caps: named, not projected).
  against: 'live' | 'rss' | 'vm' | null;
  // Its name for people: "the V8 heap limit (old generation, --max-old-space-size)".
  name: string;
  // What the limit counts beyond the series, taken as fixed: for 'vm' the address space
  // mapped but not resident when the limit was read (growth adds to both).
  offsetBytes?: number;
  // How far past the limit the series may go before the limit bites: V8 caps its old
  // generation, and the live heap also holds the young generation's survivors (up to a
  // semi-space). The projection's interval spans it; its point is the middle.
  marginBytes?: number;
}
