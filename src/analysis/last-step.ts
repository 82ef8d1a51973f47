// The last step: is a sparse live series still growing at its end?
//
//     bytes                •  ← last step: Δ over Δt, far under the regime's rate
//       │            •
//       │       •                        slowed: (Δ + resolution) / Δt
//       │  •                                       < SLOWED_FRACTION × Theil–Sen rate
//       └──────────────────────► t
//
// With fewer than CORROBORATE_BELOW_LIVE_POINTS live points the plateau test cannot run (it
// needs three points after the growth stopped), so a cache that filled between the last
// two GCs reads as a rise that never levelled. A constant-rate leak's last step carries on
// at about the leak's rate; a filled cache's steps far less. Read generously: the step is
// credited with the source's resolution (gctrace truncates to whole MiB), so only a step
// that is slow even at its most favourable reading counts as slowed. Theil–Sen: Sen (1968).

import type { Series } from './series.js';

// A leak's last step keeps about its rate: 0.97–1.00× the average rate (first to last live
// point after 1 s) in four 40 s runs of the Go leak-rate fixture at 1 MiB/s (`rssdoctor run
// --duration 40 --quiet-trace -- leak-rate 1024 6144 50`). Half leaves room for noisier ones.
export const SLOWED_FRACTION = 0.5;
// Slack credited to every step, chosen (not measured): 1% of the level, or the source's own
// resolution when coarser.
export const STEP_NOISE_FRACTION = 0.01;

export interface LastStepFinding {
  slowed: boolean;
  stepBytes: number;
  stepMs: number;
  // The step's most favourable rate: (Δ + resolution) / Δt.
  upperBytesPerSecond: number;
}

export function lastStep(
  series: Series,
  slopeBytesPerSecond: number,
  resolutionBytes: number,
): LastStepFinding | null {
  const n = series.values.length;
  if (n < 2) return null;
  const stepMs = series.tMs[n - 1]! - series.tMs[n - 2]!;
  if (!(stepMs > 0)) return null;
  const stepBytes = series.values[n - 1]! - series.values[n - 2]!;
  const slackBytes = Math.max(resolutionBytes, STEP_NOISE_FRACTION * series.values[n - 1]!);
  const upperBytesPerSecond = ((stepBytes + slackBytes) * 1000) / stepMs;
  return {
    slowed: slopeBytesPerSecond > 0 && upperBytesPerSecond < SLOWED_FRACTION * slopeBytesPerSecond,
    stepBytes,
    stepMs,
    upperBytesPerSecond,
  };
}
