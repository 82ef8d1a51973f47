// After the release probe, RSS is read again RELEASE_SETTLE_MS later: whether what was
// given back stays given back (an allocator may take it again at once), and a window in
// which the target must go on serving (the probe is tested for that).

import { setTimeout as sleep } from 'node:timers/promises';
import type { BodyRecord } from '../recording/records.js';
import { readRssBytes } from '../sources/proc-status.js';

export const RELEASE_SETTLE_MS = 1000;

// Written before the probe acts: what comes after it is the probe's doing, not the
// program's, and the verdict reads only what came before (report/build.ts).
export function markReleaseStart(nowMs: () => number, append: (record: BodyRecord) => void): void {
  append({
    type: 'note',
    tMs: nowMs(),
    code: 'probe.release',
    text: 'the release probe ran: a forced GC, then malloc_trim, in every Node process and JVM (the verdict reads the records before it)',
  });
}

export async function settleAfterRelease(
  pids: readonly number[],
  nowMs: () => number,
  append: (record: BodyRecord) => void,
): Promise<void> {
  await sleep(RELEASE_SETTLE_MS);
  for (const pid of pids) {
    const rssAfterBytes = readRssBytes(pid);
    if (rssAfterBytes === null) continue;
    append({
      type: 'control',
      tMs: nowMs(),
      pid,
      action: 'release-settled',
      rssAfterBytes,
    });
  }
}
