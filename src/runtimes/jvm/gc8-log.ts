// JDK 8 GC logs (-Xloggc with -XX:+PrintGCDetails): one bracketed record per line, the
// generations' figures inside, the whole heap's after them. From the JDK 8 documentation
// and the HotSpot 8 sources (PrintGCDetails output of each collector):
//
//   2.345: [GC (Allocation Failure) [PSYoungGen: 65536K->10720K(76288K)] 65536K->10728K(251392K), 0.0123 secs] [Times: …]
//   5.678: [Full GC (Ergonomics) [PSYoungGen: 10720K->0K(76288K)] [ParOldGen: 8K->10496K(175104K)] 10728K->10496K(251392K), [Metaspace: 2800K->2800K(1056768K)], 0.0456 secs] [Times: …]
//   1.234: [Full GC (System.gc())  24M->3M(256M), 0.0123 secs]                G1
//   3.210: [GC cleanup 110M->108M(256M), 0.0001 secs]                         G1
//   0.123: [GC pause (G1 Evacuation Pause) (young), 0.0123 secs]             G1 young: figures on later lines
//
// A date stamp (-XX:+PrintGCDateStamps) may lead the line. Continuation lines of G1's
// multi-line records and the "[Times: …]" lines are `other`.

import type { JvmLogLine } from './gc-event.js';
import { JVM_SIZE, jvmSizeBytes } from './size.js';

const RECORD = /^(?:\d{4}-\d\d-\d\dT[\d:.]+[+-]\d{4}: )?(\d+(?:\.\d+)?): \[(Full GC|GC)(.*)$/;
const TRANSITION = new RegExp(String.raw`(${JVM_SIZE})->(${JVM_SIZE})\((${JVM_SIZE})\)`);
const GENERATION = /\[[A-Za-z][\w ]*: [^[\]]*\]/g;

export function parseGc8LogLine(line: string): JvmLogLine {
  const m = RECORD.exec(line);
  if (m === null) return { type: 'other' };
  const full = m[2] === 'Full GC';
  // Remove the per-generation and Metaspace figures; the whole heap's transition is left.
  const rest = m[3]!.replace(GENERATION, '');
  const cause = /^\s*\(([^()]*(?:\([^()]*\))?[^()]*)\)/.exec(rest)?.[1] ?? null;
  const cleanup = /^\s*cleanup/.test(rest);
  const remark = /^\s*remark/.test(rest);
  const transition = TRANSITION.exec(rest);
  const pause = /(\d+(?:\.\d+)?) secs\]/.exec(rest);
  if (transition === null) {
    // G1's young pauses print their figures on continuation lines; a remark has none.
    if (/^\s*pause/.test(rest) || remark) return { type: 'other' };
    return { type: 'malformed' };
  }
  const kind = full ? 'full' : cleanup ? 'cleanup' : 'young';
  return {
    type: 'gc',
    event: {
      gcId: null,
      atSeconds: Number(m[1]),
      kind,
      cause,
      heapBeforeBytes: jvmSizeBytes(transition[1]!),
      heapAfterBytes: jvmSizeBytes(transition[2]!),
      heapCommittedBytes: jvmSizeBytes(transition[3]!),
      pauseMs: pause === null ? null : Number(pause[1]) * 1000,
      live: kind !== 'young',
    },
  };
}
