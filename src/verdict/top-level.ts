// The top-level verdict of a process tree: the most severe process verdict, naming its PID.
// A tree sum would dilute a leak in one process among wrappers and helpers.

import type { ProcessVerdict } from './process-verdict.js';
import { severityRank } from './verdicts.js';

// Ties go to the higher confidence, then to the process that was watched longest (the
// caller passes processes in order of first appearance, so the root wins a full tie).
export function topLevel(processes: readonly ProcessVerdict[]): ProcessVerdict | undefined {
  let best: ProcessVerdict | undefined;
  for (const candidate of processes) {
    if (best === undefined) {
      best = candidate;
      continue;
    }
    const bySeverity = severityRank(candidate.verdict) - severityRank(best.verdict);
    if (bySeverity < 0 || (bySeverity === 0 && candidate.confidence > best.confidence)) {
      best = candidate;
    }
  }
  return best;
}
