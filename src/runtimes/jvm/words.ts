// How explanations name a JVM's memory (see RuntimeWords).

import type { RuntimeWords } from '../runtime-module.js';

export const JVM_WORDS: RuntimeWords = {
  program: 'a JVM',
  live: 'the live heap (the heap after a full GC, a G1 Remark, or a ZGC/Shenandoah cycle; never after a young pause)',
  pointsAre: 'full GCs and cycle ends in the GC log',
  nativeFormula: 'RssAnon − the Java heap resident − LazyFree',
  nativeCauses: 'memory outside the Java heap (direct buffers, JNI, thread stacks) is not freed',
  heldFor:
    'committed Java heap the JVM keeps for reuse: it shrinks only after a full GC, and never below -Xms',
  fileBacked: "the JVM's libraries and class data archive",
  baseline: 'the JVM outside its heap',
  resolution: 'its GC log prints the heap in whole MiB',
};
