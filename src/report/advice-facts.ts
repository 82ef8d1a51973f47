// The facts advice is chosen from, read off the finished breakdown, the top process's
// records and the release probe.

import type { AdviceFacts } from '../advice/advice.js';
import type { ProcessRecordLists } from '../analysis/process-findings.js';
import type { Runtime } from '../recording/records.js';
import type { Verdict } from '../verdict/verdicts.js';
import type { Breakdown, ReleaseProbe } from './report.js';

export function adviceFacts(
  verdict: Verdict,
  runtime: Runtime,
  breakdown: Breakdown,
  lists: ProcessRecordLists | undefined,
  peakRssBytes: number | null,
  release: ReleaseProbe | null,
): AdviceFacts {
  const part = (name: string): number | null => breakdown.parts[name]?.bytes ?? null;
  const jdk = lists?.jvmFacts?.jdkVersion ?? null;
  return {
    runtime,
    verdict,
    rssBytes: breakdown.rssBytes,
    peakRssBytes,
    anonBytes: part('anon'),
    liveHeapBytes: part('liveHeap'),
    heapFreeBytes: part('heapFree'),
    allocatorFreeBytes: part('allocatorFree'),
    offHeapBytes: part('offHeap'),
    lazyFreeBytes: part('lazyFree'),
    limitBytes: lists?.memoryLimit?.limitBytes ?? null,
    reclaimableBytes: release?.measured === true ? release.reclaimableBytes : null,
    gogcPercent: lists?.goFacts?.gogcPercent ?? null,
    goMemoryLimitBytes: lists?.goFacts?.memoryLimitBytes ?? null,
    jvmCollector: lists?.jvmFacts?.collector ?? null,
    jdkMajor: jdk === null ? null : Number(/^(\d+)/.exec(jdk)?.[1] ?? NaN) || null,
  };
}
