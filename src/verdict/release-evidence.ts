// A release that gives a large share of RSS back proves held-but-free memory: retention,
// shown by acting rather than inferred (DESIGN: "a forced GC or a release that brings RSS
// down proves retention"). A steady or inconclusive verdict becomes retention; any other
// verdict keeps its call and gains the reason (a leak can also hold free memory).

import type { Reason } from './reason.js';
import { formatBytes } from '../format/figures.js';
import type { ProcessVerdict } from './process-verdict.js';

// A third of RSS given back is no rounding error; 8 MiB keeps a tiny process's page
// churn from counting.
export const RELEASE_RETENTION_FRACTION = 0.3;
export const RELEASE_RETENTION_MIN_BYTES = 8 * 1024 * 1024;
export const RELEASE_PROVEN_CONFIDENCE = 0.9;

export interface MeasuredRelease {
  rssBeforeBytes: number;
  reclaimableBytes: number;
}

export function withReleaseEvidence(
  verdict: ProcessVerdict,
  release: MeasuredRelease,
): ProcessVerdict {
  const fraction = release.reclaimableBytes / release.rssBeforeBytes;
  if (
    fraction < RELEASE_RETENTION_FRACTION ||
    release.reclaimableBytes < RELEASE_RETENTION_MIN_BYTES
  )
    return verdict;
  const reason: Reason = {
    code: 'release-reclaimed',
    text: `a forced GC and malloc_trim gave back ${formatBytes(release.reclaimableBytes)} (${(fraction * 100).toFixed(0)}% of RSS): memory held but free, not live data`,
    figures: {
      reclaimableBytes: release.reclaimableBytes,
      rssBeforeBytes: release.rssBeforeBytes,
      reclaimableFraction: fraction,
    },
  };
  if (verdict.verdict === 'steady' || verdict.verdict === 'inconclusive') {
    return {
      ...verdict,
      verdict: 'retention',
      confidence: Math.max(verdict.confidence, RELEASE_PROVEN_CONFIDENCE),
      reasons: [reason, ...verdict.reasons],
    };
  }
  return { ...verdict, reasons: [...verdict.reasons, reason] };
}
