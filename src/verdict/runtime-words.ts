// The words a reason uses for one runtime's memory: what "live data" is, what is
// subtracted to get off-heap memory, what holds memory for reuse, what the file-backed
// part is. One table, so every explanation speaks the target's own terms.

import type { Runtime } from './verdicts.js';

export interface RuntimeWords {
  live: string;
  pointsAre: string;
  nativeFormula: string;
  nativeCauses: string;
  heldFor: string;
  fileBacked: string;
}

const NODE: RuntimeWords = {
  live: 'live data (what survives a full GC: JS heap plus the Buffers it keeps)',
  pointsAre: 'full GCs',
  nativeFormula: 'RssAnon − V8 heap − external − LazyFree',
  nativeCauses: 'native allocations (addons, FFI, C libraries) are not freed',
  heldFor: 'V8 free pages and young generation, glibc free lists',
  fileBacked: 'the node binary and its libraries',
};

const GO: RuntimeWords = {
  live: 'the live heap (H2 of each gctrace line: what the GC marked live)',
  pointsAre: 'GCs in the trace',
  nativeFormula: 'RssAnon − Go heap up to its goal − stacks − LazyFree',
  nativeCauses: 'memory outside the Go heap (cgo, C libraries, mmap) is not freed',
  heldFor: 'heap spans the Go scavenger has not returned yet, beyond what GOGC asks for',
  fileBacked: 'the Go binary',
};

const JVM: RuntimeWords = {
  live: 'the live heap (the heap after a full GC, a G1 Remark, or a ZGC/Shenandoah cycle; never after a young pause)',
  pointsAre: 'full GCs and cycle ends in the GC log',
  nativeFormula: 'RssAnon − the Java heap resident − LazyFree',
  nativeCauses: 'memory outside the Java heap (direct buffers, JNI, thread stacks) is not freed',
  heldFor:
    'committed Java heap the JVM keeps for reuse: it shrinks only after a full GC, and never below -Xms',
  fileBacked: "the JVM's libraries and class data archive",
};

export function wordsFor(runtime: Runtime): RuntimeWords {
  return runtime === 'go' ? GO : runtime === 'jvm' ? JVM : NODE;
}
