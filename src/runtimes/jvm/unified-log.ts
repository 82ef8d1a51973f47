// JDK 9+ unified logging (-Xlog:gc*), one line per event, decorated with uptime, level and
// tags. The summary lines rssdoctor reads, per collector (JDK 17 captured here, see
// test/fixtures/jvm-logs; others from the JDK sources' log_info(gc) calls):
//
//   [0.005s][info][gc] Using G1
//   [1.23s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 2.345ms
//   [2.10s][info][gc] GC(4) Pause Remark 120M->110M(256M) 0.512ms            G1: live
//   [2.11s][info][gc] GC(4) Pause Cleanup 110M->110M(256M) 0.101ms           G1: live
//   [2.40s][info][gc] GC(6) Pause Young (Mixed) (G1 Evacuation Pause) …      first after a
//                                                                            Remark: live
//   [3.00s][info][gc] GC(7) Pause Full (System.gc()) 100M->50M(256M) 20.1ms   any: live
//   [0.90s][info][gc] GC(2) Garbage Collection (Warmup) 14M(5%)->8M(3%)      ZGC: live
//   [0.90s][info][gc] GC(3) Minor Collection (Allocation Rate) 40M(5%)->9M(1%) 0.01s  ZGC 21+ young
//   [0.95s][info][gc] GC(1) Concurrent cleanup 30M->10M(64M) 0.1ms          Shenandoah: live
//
// Parallel and Serial print "Pause Young (Allocation Failure)" and "Pause Full (…)".

import type { JvmGcEvent, JvmLogLine } from './gc-event.js';
import { JVM_SIZE, jvmSizeBytes } from './size.js';

const DECORATED = /^\[(\d+(?:\.\d+)?)s\]\[(\w+)\s*\]\[([\w,]+)\s*\] ?(.*)$/;
const GC_ID = /^GC\((\d+)\) (.*)$/;
const TRANSITION = new RegExp(
  String.raw`(${JVM_SIZE})(?:\(\d+%\))?->(${JVM_SIZE})(?:\(\d+%\))?(?:\((${JVM_SIZE})\))?`,
);
const PAUSE = /(\d+(?:\.\d+)?)(ms|s)$/;

interface Shape {
  pattern: RegExp;
  kind: JvmGcEvent['kind'];
  live: boolean;
}

// Tried in order on the text after "GC(n) "; the first match decides.
const SHAPES: readonly Shape[] = [
  { pattern: /^Pause Young \(Mixed\)/, kind: 'mixed', live: false },
  { pattern: /^Pause Young/, kind: 'young', live: false },
  { pattern: /^Pause Full/, kind: 'full', live: true },
  { pattern: /^Pause Remark/, kind: 'remark', live: true },
  { pattern: /^Pause Cleanup/, kind: 'cleanup', live: true },
  { pattern: /^Pause Degenerated GC/, kind: 'full', live: true },
  { pattern: /^Minor Collection/, kind: 'young', live: false },
  { pattern: /^(?:Garbage|Major) Collection/, kind: 'cycle', live: true },
  { pattern: /^Concurrent cleanup/, kind: 'cycle', live: true },
];

export function parseUnifiedLogLine(line: string): JvmLogLine {
  const decorated = DECORATED.exec(line);
  if (decorated === null) return { type: line.trim() === '' ? 'other' : 'malformed' };
  const tags = decorated[3]!.split(',');
  const message = decorated[4]!;
  const maxHeap = /^Heap Max Capacity: (\S+)$/.exec(message);
  if (tags.join(',') === 'gc,init' && maxHeap !== null) {
    const bytes = jvmSizeBytes(maxHeap[1]!);
    return Number.isFinite(bytes) ? { type: 'max-heap', bytes } : { type: 'other' };
  }
  if (tags.length !== 1 || tags[0] !== 'gc') return { type: 'other' };
  const using = /^Using (.+)$/.exec(message);
  if (using !== null) return { type: 'using', collector: using[1]! };
  const id = GC_ID.exec(message);
  if (id === null) return { type: 'other' };
  const body = id[2]!;
  const shape = SHAPES.find((candidate) => candidate.pattern.test(body));
  const transition = TRANSITION.exec(body);
  // "Concurrent Mark Cycle", "Pause Init Mark" and the like carry no heap figures.
  if (shape === undefined || transition === null) return { type: 'other' };
  const pause = PAUSE.exec(body);
  const causes = [...body.matchAll(/\(([^()]*(?:\([^()]*\))?[^()]*)\)/g)]
    .map((m) => m[1]!)
    .filter((cause) => !/^\d+%$/.test(cause) && !/^\d/.test(cause));
  return {
    type: 'gc',
    event: {
      gcId: Number(id[1]),
      atSeconds: Number(decorated[1]),
      kind: shape.kind,
      cause: causes[causes.length - 1] ?? null,
      heapBeforeBytes: jvmSizeBytes(transition[1]!),
      heapAfterBytes: jvmSizeBytes(transition[2]!),
      heapCommittedBytes: transition[3] === undefined ? null : jvmSizeBytes(transition[3]),
      pauseMs: pause === null ? null : Number(pause[1]) * (pause[2] === 's' ? 1000 : 1),
      live: shape.live,
    },
  };
}
