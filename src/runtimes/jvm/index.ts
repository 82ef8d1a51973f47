// The JVM: its unified GC log (-Xlog:gc*) gives the heap after each full GC or cycle end;
// the attach socket (jcmd's protocol) forces GC.run and reads the heap's range.

import path from 'node:path';
import type { RuntimeModule } from '../runtime-module.js';
import { jvmAccounted } from './accounted.js';
import { jvmAdvice } from './advice.js';
import { jvmAnonParts } from './anon-split.js';
import { jvmBaselineBytes } from './baseline.js';
import { JVM_WORDS } from './words.js';

// A JVM grows its code cache and metaspace for a while after start (JIT warm-up): off-heap
// growth below this is not called a leak.
export const JVM_NATIVE_LEAK_MIN_BYTES = 8 * 1024 * 1024;

export const JVM: RuntimeModule = {
  name: 'jvm',
  title: 'JVM',
  detect: (executable) => path.basename(executable) === 'java',
  words: JVM_WORDS,
  accounted: (lists) => jvmAccounted(lists.heapResidents, lists.gcs),
  baselineBytes: (inputs) => jvmBaselineBytes(inputs.anonBytes, inputs.heapResidentBytes),
  nativeMinBytes: JVM_NATIVE_LEAK_MIN_BYTES,
  liveResolutionBytes: 0,
  anonParts: (inputs) => jvmAnonParts(inputs),
  advice: jvmAdvice,
  releaseCall:
    'System.gc() for a full GC (G1 then shrinks the committed heap toward -Xms within MaxHeapFreeRatio), and `jcmd PID System.trim_native_heap` (JDK 17.0.9+, 21+) for malloc_trim',
  releaseProbe: 'attach',
};
