// One GC event from a JVM log, whichever format it came from. `live` marks the events whose
// heap-after measures live data (DESIGN "What live heap means"): a full GC, G1's Remark and
// Cleanup and the first mixed pause after them, a ZGC or Shenandoah cycle end. Never a
// young pause: a steady cache read 18→109 MiB after young pauses in 30 s here.

export interface JvmGcEvent {
  gcId: number | null;
  atSeconds: number | null;
  kind: 'young' | 'mixed' | 'full' | 'remark' | 'cleanup' | 'cycle';
  // As printed: "Allocation Failure", "System.gc()", "Diagnostic Command", "Warmup"…
  cause: string | null;
  heapBeforeBytes: number | null;
  heapAfterBytes: number | null;
  heapCommittedBytes: number | null;
  pauseMs: number | null;
  live: boolean;
}

export type JvmLogLine =
  | { type: 'gc'; event: JvmGcEvent }
  | { type: 'using'; collector: string }
  // JDK 9+: "[gc,init] Heap Max Capacity: 256M", the heap's cap (-Xmx or ergonomic).
  | { type: 'max-heap'; bytes: number }
  | { type: 'other' }
  | { type: 'malformed' };
