// Go's GC trace (GODEBUG=gctrace=1): one line per completed GC, on the target's stderr.
//
//   gc 4 @0.811s 0%: 0.012+0.23+0.002 ms clock, 0.025+0.13/0/0+0.004 ms cpu,
//      3->3->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)
//
// H0->H1->H2 MB: heap at GC start, at mark end, and live heap marked (H2 is the live
// point). Go 1.18 added the stacks and globals fields; 1.14–1.17 end at "goal, N P".
// Every MB figure is bytes >> 20: truncated MiB, so 1023 KiB prints as 0.
// Source: runtime/mgc.go, gcMarkTermination (the `print("gc ", memstats.numgc, …)` block).

const MIB = 1024 * 1024;

export interface GcTraceLine {
  gcNumber: number;
  atSeconds: number;
  cpuPercent: number;
  // Stop-the-world phases: sweep termination + mark termination, wall clock.
  pauseMs: number;
  // The concurrent mark between them, wall clock.
  markMs: number;
  heapStartBytes: number;
  heapMarkedBytes: number;
  liveBytes: number;
  goalBytes: number;
  stacksBytes: number | null;
  globalsBytes: number | null;
  procs: number;
  // "(forced)": runtime.GC() or debug.FreeOSMemory in the program.
  forced: boolean;
}

const GC_LINE =
  /^gc (\d+) @(\d+(?:\.\d+)?)s (\d+)%: (\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?) ms clock, [\d.+/]+ ms cpu, (\d+)->(\d+)->(\d+) MB, (\d+) MB goal, (?:(\d+) MB stacks, (\d+) MB globals, )?(\d+) P( \(forced\))?$/;

// A line that starts like a GC trace line: one that then fails to parse is malformed, not
// the program's own output.
export function looksLikeGcTrace(line: string): boolean {
  return /^gc \d+ @/.test(line);
}

export function parseGcTrace(line: string): GcTraceLine | null {
  const m = GC_LINE.exec(line);
  if (m === null) return null;
  const n = (index: number): number => Number(m[index]);
  return {
    gcNumber: n(1),
    atSeconds: n(2),
    cpuPercent: n(3),
    pauseMs: n(4) + n(6),
    markMs: n(5),
    heapStartBytes: n(7) * MIB,
    heapMarkedBytes: n(8) * MIB,
    liveBytes: n(9) * MIB,
    goalBytes: n(10) * MIB,
    stacksBytes: m[11] === undefined ? null : n(11) * MIB,
    globalsBytes: m[12] === undefined ? null : n(12) * MIB,
    procs: n(13),
    forced: m[14] !== undefined,
  };
}

// Printed by the runtime's forcegc helper before the periodic (2-minute) GC it starts.
export const PERIODIC_GC_LINE = 'GC forced';
