// A sample record of a one-thread process whose resident memory is all anonymous, for
// tests that build a process's records by hand.

import type { SampleRecord } from '../../src/recording/records.js';

export function anonSample(tMs: number, rssBytes: number, pid = 1): SampleRecord {
  return {
    type: 'sample',
    tMs,
    pid,
    rssBytes,
    rssAnonBytes: rssBytes,
    rssFileBytes: 0,
    rssShmemBytes: 0,
    swapBytes: 0,
    threads: 1,
  };
}
