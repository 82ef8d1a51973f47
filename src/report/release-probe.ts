// What --probe-release measured, from the control records of one process: RSS before, after
// a forced full GC, after malloc_trim (Node: the agent; a JVM: GC.run and
// System.trim_native_heap over the attach socket), and RELEASE_SETTLE_MS later. Go is not
// measured from outside; the report names the call in the program that does the same.

import type { ProcessRecordLists } from '../analysis/process-findings.js';
import type { Runtime } from '../recording/records.js';
import { formatBytes } from '../verdict/format-figures.js';
import type { ReleaseProbe } from './report.js';

// The call that does in the program what the probe does from outside.
export const RELEASE_CALLS: Record<'node' | 'go' | 'jvm', string> = {
  node: 'freeOSMemory() from rssdoctor/runtime',
  go: 'debug.FreeOSMemory() (runtime/debug): a forced GC, then every free heap page returned to the OS at once',
  jvm: 'System.gc() for a full GC (G1 then shrinks the committed heap toward -Xms within MaxHeapFreeRatio), and `jcmd PID System.trim_native_heap` (JDK 17.0.9+, 21+) for malloc_trim',
};

export function releaseProbe(
  pid: number,
  runtime: Runtime,
  lists: ProcessRecordLists,
): ReleaseProbe | null {
  const controls = lists.controls;
  const releaseAt = controls.findLastIndex((control) => control.action === 'release');
  if (releaseAt < 0) {
    if (runtime !== 'go' && runtime !== 'jvm') return null;
    return {
      pid,
      runtime,
      measured: false,
      rssBeforeBytes: null,
      rssAfterGcBytes: null,
      rssAfterTrimBytes: null,
      rssSettledBytes: null,
      reclaimableBytes: null,
      reclaimableFraction: null,
      call: RELEASE_CALLS[runtime],
      text: `not measured from outside a ${runtime === 'go' ? 'Go program' : 'JVM'}; in the program: ${RELEASE_CALLS[runtime]}`,
    };
  }
  const release = controls[releaseAt]!;
  const gc = controls.slice(0, releaseAt).findLast((control) => control.action === 'gc');
  const settled = controls.slice(releaseAt).find((control) => control.action === 'release-settled');
  const beforeBytes = gc?.rssBeforeBytes ?? release.rssBeforeBytes ?? null;
  const afterGcBytes = gc?.rssAfterBytes ?? null;
  const afterTrimBytes = release.rssAfterBytes ?? null;
  const reclaimableBytes =
    beforeBytes === null || afterTrimBytes === null
      ? null
      : Math.max(0, beforeBytes - afterTrimBytes);
  const reclaimableFraction =
    reclaimableBytes === null || beforeBytes === null || beforeBytes === 0
      ? null
      : reclaimableBytes / beforeBytes;
  const settledBytes = settled?.rssAfterBytes ?? null;
  return {
    pid,
    runtime,
    measured: true,
    rssBeforeBytes: beforeBytes,
    rssAfterGcBytes: afterGcBytes,
    rssAfterTrimBytes: afterTrimBytes,
    rssSettledBytes: settledBytes,
    reclaimableBytes,
    reclaimableFraction,
    call: runtime === 'other' ? null : RELEASE_CALLS[runtime],
    text:
      reclaimableBytes === null || reclaimableFraction === null
        ? 'the release probe did not report RSS'
        : `reclaimable: ${formatBytes(reclaimableBytes)} (${(reclaimableFraction * 100).toFixed(0)}%): RSS ${formatBytes(beforeBytes!)} → ${afterGcBytes === null ? '?' : formatBytes(afterGcBytes)} after a forced GC → ${formatBytes(afterTrimBytes!)} after malloc_trim${settledBytes === null ? '' : `, ${formatBytes(settledBytes)} a second later`}`,
  };
}
