// Memory held for reuse: how far anonymous RSS sits above live data plus the runtime's
// own baseline. This is the evidence for `retention`.
//
//     RssAnon ┬──────────────┐
//             │ held          │ ← glibc free lists, V8 free pages, young generation
//             ├──────────────┤
//             │ baseline      │ ← the runtime itself, per isolate
//             ├──────────────┤
//             │ live          │ ← survives a full GC
//             └──────────────┘

// Anonymous memory beyond live data in an idle Node 20 process, measured here (idle
// script, 0, 1 and 5 workers): 2.7, 2.4 and 1.7 MiB. Each isolate's own heap is already in
// its live data, so a worker adds little beyond it; these round the measurements up.
export const NODE_BASELINE_BYTES = 4 * 1024 * 1024;
export const NODE_BASELINE_PER_WORKER_BYTES = 1024 * 1024;
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

export function heldMemory(
  anonBytes: number,
  liveBytes: number,
  workers: number,
): HeldMemoryFinding {
  const baselineBytes = NODE_BASELINE_BYTES + workers * NODE_BASELINE_PER_WORKER_BYTES;
  const heldBytes = Math.max(0, anonBytes - liveBytes - baselineBytes);
  return {
    farAboveLive: heldBytes >= Math.max(RETENTION_MIN_BYTES, RETENTION_FRACTION * liveBytes),
    heldBytes,
    baselineBytes,
    anonBytes,
    liveBytes,
  };
}
