// Memory held for reuse: how far anonymous RSS sits above live data plus the runtime's
// own baseline. This is the evidence for `retention`.
//
//     RssAnon ┬──────────────┐
//             │ held          │ ← glibc free lists, V8 free pages, Go idle spans
//             ├──────────────┤
//             │ baseline      │ ← the runtime itself (and, for Go, the heap goal)
//             ├──────────────┤
//             │ live          │ ← survives a full GC
//             └──────────────┘

import { GO_RETAINED_FRACTION } from './go-accounted.js';

// Anonymous memory beyond live data in an idle Node 20 process, measured here (idle
// script, 0, 1 and 5 workers): 2.7, 2.4 and 1.7 MiB. Each isolate's own heap is already in
// its live data, so a worker adds little beyond it; these round the measurements up.
export const NODE_BASELINE_BYTES = 4 * 1024 * 1024;
export const NODE_BASELINE_PER_WORKER_BYTES = 1024 * 1024;
// The Go demo receiver (Go 1.19) at the end of a 20 s run: RssAnon 1.2 MiB at 5 messages/s
// with no GC yet, 5.0–5.7 MiB at 2000 messages/s churning at a 4 MiB goal
// (`rssdoctor demo --runtime go --duration 20 --interval 0.5 [--rate 2000]`). The runtime's
// own part, rounded up; the heap's room up to its goal is added per process, because GOGC
// asks for it: it is the GC's trade, not waste.
export const GO_BASELINE_BYTES = 2 * 1024 * 1024;
// A JVM's own memory outside the Java heap (metaspace, code cache, GC structures, thread
// stacks): measured per process as RssAnon − the heap's resident part. When the heap's
// range is unknown, this stands in, above the 14.7–26.5 MiB the JDK 17 fixtures without
// direct buffers showed (`rssdoctor run --duration 20 --interval 0.5 -- java … <fixture>`,
// the `outsideHeapBytes` of reason jvm-rss-beyond-heap): too high a baseline only makes
// `retention` harder to claim.
export const JVM_NON_HEAP_FALLBACK_BYTES = 48 * 1024 * 1024;
// Held memory counts as "far above live" from this much, and from as much again as live.
export const RETENTION_MIN_BYTES = 32 * 1024 * 1024;
export const RETENTION_FRACTION = 1;

export interface HeldMemoryFinding {
  farAboveLive: boolean;
  heldBytes: number;
  baselineBytes: number;
  anonBytes: number;
  liveBytes: number;
}

export function nodeBaselineBytes(workers: number): number {
  return NODE_BASELINE_BYTES + workers * NODE_BASELINE_PER_WORKER_BYTES;
}

export function goBaselineBytes(goalBytes: number | null, liveBytes: number): number {
  const headroom = goalBytes === null ? 0 : goalBytes * GO_RETAINED_FRACTION - liveBytes;
  return GO_BASELINE_BYTES + Math.max(0, headroom);
}

// For a JVM, everything outside the heap is its baseline; what is held is the resident
// heap beyond live data (committed heap kept for reuse).
export function jvmBaselineBytes(anonBytes: number, heapResidentBytes: number | null): number {
  return heapResidentBytes === null
    ? JVM_NON_HEAP_FALLBACK_BYTES
    : Math.max(0, anonBytes - heapResidentBytes);
}

export function heldMemory(
  anonBytes: number,
  liveBytes: number,
  baselineBytes: number,
): HeldMemoryFinding {
  const heldBytes = Math.max(0, anonBytes - liveBytes - baselineBytes);
  return {
    farAboveLive: heldBytes >= Math.max(RETENTION_MIN_BYTES, RETENTION_FRACTION * liveBytes),
    heldBytes,
    baselineBytes,
    anonBytes,
    liveBytes,
  };
}
