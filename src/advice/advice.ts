// One piece of advice: a stable code, the words, and the figures that triggered it (base
// units). Advice is chosen from facts, never from guesses: each rule names the figure it
// read, and a rule whose figure is unknown stays silent.

import type { Runtime } from '../recording/records.js';
import type { Verdict } from '../verdict/verdicts.js';

export interface Advice {
  code: string;
  text: string;
  because: Record<string, number>;
}

// What the rules read: the verdict, the breakdown's parts, the cgroup limit, the release
// probe, and the runtime's own settings. null: not known for this process.
export interface AdviceFacts {
  runtime: Runtime;
  verdict: Verdict;
  rssBytes: number | null;
  peakRssBytes: number | null;
  anonBytes: number | null;
  liveHeapBytes: number | null;
  heapFreeBytes: number | null;
  allocatorFreeBytes: number | null;
  offHeapBytes: number | null;
  lazyFreeBytes: number | null;
  // The cgroup's memory limit; null when there is none (advice is then relative to the peak).
  limitBytes: number | null;
  // --probe-release, measured (Node).
  reclaimableBytes: number | null;
  // Go: GOGC (null: off or unknown) and GOMEMLIMIT (null: unset) from its environment.
  gogcPercent: number | null;
  goMemoryLimitBytes: number | null;
  // JVM: the collector from its GC log ("G1", "Parallel", "Serial", "Z", "Shenandoah") and the JDK.
  jvmCollector: string | null;
  jdkMajor: number | null;
}

// A part "dominates" or "matters" at these shares: a quarter of RSS is worth a knob; under
// 16 MiB no knob is worth its risk.
export const DOMINANT_FRACTION = 0.25;
export const WORTH_BYTES = 16 * 1024 * 1024;

export function significant(bytes: number | null, of: number | null): bytes is number {
  return (
    bytes !== null &&
    of !== null &&
    of > 0 &&
    bytes >= WORTH_BYTES &&
    bytes / of >= DOMINANT_FRACTION
  );
}

// A size for a flag, in whole MiB, rounded up.
export function mib(bytes: number): number {
  return Math.ceil(bytes / (1024 * 1024));
}
