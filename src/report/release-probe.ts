// What --probe-release measured, from the control records of one process: RSS before, after
// a forced full GC, after malloc_trim (Node: the agent; a JVM: GC.run and
// System.trim_native_heap over the attach socket), and RELEASE_SETTLE_MS later. Go is not
// measured from outside; the report names the call in the program that does the same.

import type { ProcessRecordLists } from '../analysis/process-findings.js';
import type { Runtime } from '../recording/records.js';
import { runtimeModule } from '../runtimes/registry.js';
import { formatBytes } from '../format/figures.js';
import type { ReleaseProbe } from './report.js';

export function releaseProbe(
  pid: number,
  runtime: Runtime,
  lists: ProcessRecordLists,
): ReleaseProbe | null {
  const controls = lists.controls;
  const module = runtimeModule(runtime);
  const releaseAt = controls.findLastIndex((control) => control.action === 'release');
  if (releaseAt < 0) {
    // Named where rssdoctor cannot measure it (Go), or where its measuring is not a
    // plain agent call (the JVM's attach socket may be refused).
    if (module === null || module.releaseProbe === 'agent') return null;
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
      call: module.releaseCall,
      text: `not measured from outside ${module.words.program}; in the program: ${module.releaseCall}`,
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
    call: module?.releaseCall ?? null,
    text:
      reclaimableBytes === null || reclaimableFraction === null
        ? 'the release probe did not report RSS'
        : `reclaimable: ${formatBytes(reclaimableBytes)} (${(reclaimableFraction * 100).toFixed(0)}%): RSS ${formatBytes(beforeBytes!)} → ${steps(afterGcBytes, afterTrimBytes!, module?.releaseProbe === 'none' ? module.releaseCall : null)}${settledBytes === null ? '' : `, ${formatBytes(settledBytes)} a second later`}`,
  };
}

// A runtime rssdoctor cannot probe (Go) is measured only when the program does the call
// itself (the Go demo's receiver, on a signal): one step, named by the call.
function steps(afterGcBytes: number | null, afterBytes: number, call: string | null): string {
  if (call !== null) return `${formatBytes(afterBytes)} after ${call.split(' (')[0]}`;
  const gc = afterGcBytes === null ? '?' : formatBytes(afterGcBytes);
  return `${gc} after a forced GC → ${formatBytes(afterBytes)} after malloc_trim`;
}
