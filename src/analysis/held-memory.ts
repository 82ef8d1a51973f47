// Memory held for reuse: how far anonymous RSS sits above live data plus the runtime's
// own baseline. This is the evidence for `retention`.
//
//     RssAnon ┬──────────────┐
//             │ held          │ ← glibc free lists, V8 free pages, Go idle spans
//             ├──────────────┤
//             │ baseline      │ ← the runtime itself (and, for Go, the heap goal):
//             │               │   each runtime module's baselineBytes (src/runtimes/)
//             ├──────────────┤
//             │ live          │ ← survives a full GC
//             └──────────────┘

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
