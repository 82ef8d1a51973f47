// The JVM: its unified GC log (-Xlog:gc*) gives the heap after each full GC or cycle end;
// the attach socket (jcmd's protocol) forces GC.run and reads the heap's range.

import { jvmCaps } from './caps.js';
import type { RuntimeModule } from '../runtime-module.js';
import { jvmAccounted } from './accounted.js';
import { jvmAdvice } from './advice.js';
import { jvmAnonParts } from './anon-split.js';
import { jvmBaselineBytes } from './baseline.js';
import { planJvmAttach } from './attach-plan.js';
import { isHotSpot } from './attach.js';
import { isJava, planJvm } from './plan.js';
import { watchUnloggedJvms } from './unlogged-watch.js';
import { JVM_WORDS } from './words.js';
import { JVM_LOG_RESOLUTION_BYTES } from './size.js';
import { jvmNoGcYetReasons, jvmRssReason, jvmTooFewReason } from './explain.js';
import { jvmOwnFindings, type JvmFindings } from './findings.js';

// A JVM grows its code cache and metaspace for a while after start (JIT warm-up): off-heap
// growth below this is not called a leak.
export const JVM_NATIVE_LEAK_MIN_BYTES = 8 * 1024 * 1024;

export const JVM: RuntimeModule<JvmFindings> = {
  name: 'jvm',
  title: 'JVM',
  detect: isJava,
  plan: planJvm,
  // An embedded JVM (a launcher that is not `java`) has libjvm.so mapped.
  detectProcess: isHotSpot,
  attach: planJvmAttach,
  watchUnclaimed: (context) => ({
    env: (base) => base,
    tick: watchUnloggedJvms(context.nowMs, context.append),
    close: () => undefined,
  }),
  words: JVM_WORDS,
  accounted: (lists) => jvmAccounted(lists.heapResidents, lists.gcs),
  findings: (lists) => jvmOwnFindings(lists.jvmFacts, lists.gcs, lists.heapResidents),
  explain: {
    pointsText: (found) =>
      `${found.live.points} live points from ${JVM_WORDS.pointsAre}, ${found.live.forcedPoints} of them forced by rssdoctor (GC.run)`,
    noGcYet: (jvm, _rss, durationMs) => jvmNoGcYetReasons(jvm, durationMs),
    tooFew: jvmTooFewReason,
    always: (jvm, findings) => [jvmRssReason(jvm, findings.lastSample)],
  },
  baselineBytes: (inputs, jvm) =>
    jvmBaselineBytes(inputs.anonBytes, jvm?.lastHeapResidentBytes ?? null),
  nativeMinBytes: JVM_NATIVE_LEAK_MIN_BYTES,
  liveResolutionBytes: JVM_LOG_RESOLUTION_BYTES,
  anonParts: (inputs) => jvmAnonParts(inputs),
  advice: jvmAdvice,
  releaseCall:
    'System.gc() for a full GC (G1 then shrinks the committed heap toward -Xms within MaxHeapFreeRatio), and `jcmd PID System.trim_native_heap` (JDK 17.0.9+, 21+) for malloc_trim',
  releaseProbe: 'attach',
  caps: jvmCaps,
  sites: {
    missingWhy:
      'no class histogram was taken: the JVM had not collected on its own yet (a forced GC would hide no-gc-yet), or its attach socket did not answer',
    unseen:
      'memory outside the Java heap (direct buffers, metaspace, thread stacks, native code): the histogram counts every object on the heap',
  },
};
