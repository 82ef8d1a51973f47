// What a runtime's own source proves beyond its live series, and the reasons only it can
// give. The verdict reads the proofs (verdict/decide.ts names none of the runtimes); the
// explanations quote the detail, which only the runtime's module reads.

import type { GrowthFinding } from '../analysis/growth.js';
import type { ProcessFindings, RuntimeFindings } from '../analysis/process-findings.js';
import type { DataQualityNote } from '../recording/data-quality.js';
import type { Reason } from '../verdict/reason.js';

export interface RuntimeProofs {
  // Positive proof that the source was on for this process, and it shows no GC.
  noGcProven: boolean;
  // The heap stayed below the size at which the runtime first collects.
  heapBelowFirstTrigger: boolean;
  // The live figures are too coarse to stand alone (gctrace's whole MiB on a small heap).
  coarseLive: boolean;
  // The last live figure is too old to support `leak`.
  liveStale: boolean;
  // The live heap presses on a limit the runtime enforces (GOMEMLIMIT), GCs speeding up.
  memLimitBound: boolean;
  // A second live series (Go's goroutine stacks): rising, and not levelled off.
  stacksRising: boolean;
  stacksGrowing: boolean;
  // Its Mann–Kendall p-value, when it was tested.
  stacksPValue: number | null;
}

export const NO_PROOFS: RuntimeProofs = {
  noGcProven: false,
  heapBelowFirstTrigger: false,
  coarseLive: false,
  liveStale: false,
  memLimitBound: false,
  stacksRising: false,
  stacksGrowing: false,
  stacksPValue: null,
};

export interface OwnFindings<D = unknown> {
  proofs: RuntimeProofs;
  detail: D;
}

// Each reason is asked for only when the proof behind it holds, or its rule applies; a
// runtime without one gets the generic reason (verdict/explain-runtime.ts).
export interface RuntimeExplain<D> {
  // How its live points came to be: "12 live points from GCs in the trace".
  pointsText?(found: RuntimeFindings): string;
  noGcYet?(own: D, rss: GrowthFinding, durationMs: number): Reason[];
  tooFew?(own: D, found: RuntimeFindings, durationMs: number): Reason;
  // What bounds live growth beyond RSS, when too few GCs could say it directly.
  bounds?(own: D): Reason[];
  stale?(own: D): Reason;
  memoryLimit?(own: D, found: RuntimeFindings): Reason[];
  stacks?(own: D, found: RuntimeFindings): Reason[];
  coarseRise?(own: D, found: RuntimeFindings): Reason;
  // A data-quality note on a process whose live figures are coarse (proofs.coarseLive).
  coarseLiveNote?(pid: number): DataQualityNote;
  // Said with every verdict that has RSS to go on (the JVM: why its RSS exceeds its heap).
  always?(own: D, findings: ProcessFindings): Reason[];
}
