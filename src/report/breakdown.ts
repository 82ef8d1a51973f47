// Where the resident bytes are, at the level the kernel reports: anon, file and shmem
// (RssAnon + RssFile + RssShmem = VmRSS), and LazyFree, the part of anon freed with
// MADV_FREE but still counted until the kernel reclaims it (from smaps_rollup, read every
// SMAPS_ROLLUP_EVERY_MS). Runtime figures that split anon come later, from runtime
// sources; a part that cannot be known is null with its reason.

import type { SampleRecord } from '../recording/records.js';
import type { Breakdown } from './report.js';

export function breakdownOf(
  sample: SampleRecord | undefined,
  lazyFreeBytes: number | null,
): Breakdown {
  if (sample === undefined) {
    const why = 'no sample of this process was recorded';
    return {
      rssBytes: null,
      swapBytes: null,
      parts: {
        anon: { bytes: null, kind: 'resident', why },
        file: { bytes: null, kind: 'resident', why },
        shmem: { bytes: null, kind: 'resident', why },
        lazyFree: { bytes: null, kind: 'resident', why },
      },
    };
  }
  return {
    rssBytes: sample.rssBytes,
    swapBytes: sample.swapBytes,
    parts: {
      anon: { bytes: sample.rssAnonBytes, kind: 'resident' },
      file: { bytes: sample.rssFileBytes, kind: 'resident' },
      shmem: { bytes: sample.rssShmemBytes, kind: 'resident' },
      // Within anon. The latest smaps_rollup reading, capped by this sample's anon.
      lazyFree:
        lazyFreeBytes === null
          ? {
              bytes: null,
              kind: 'resident',
              why: 'smaps_rollup was never read for this process (it lived under 10 s, or /proc refused)',
            }
          : { bytes: Math.min(lazyFreeBytes, sample.rssAnonBytes), kind: 'resident' },
    },
  };
}
