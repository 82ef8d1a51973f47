// The Go demo's "fix, applied live": rssdoctor cannot make a Go program give memory back
// from outside, but the demo's receiver does it on SIGUSR1 (debug.FreeOSMemory(): a first
// GC, which also starts Go's periodic GC, and the freed pages returned). RSS is read before
// the signal and once the receiver says it is done, as a release record; the report shows
// it as the release probe's result.

import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BodyRecord } from '../recording/records.js';
import { readRssBytes } from '../sources/proc-status.js';

const FIX_WAIT_MS = 3_000;
const POLL_MS = 20;

export function applyGoFix(fixedFile: string) {
  return async (
    pid: number,
    { nowMs, append }: { nowMs: () => number; append: (record: BodyRecord) => void },
  ): Promise<number[]> => {
    const started = nowMs();
    const rssBeforeBytes = readRssBytes(pid);
    try {
      process.kill(pid, 'SIGUSR1');
    } catch {
      return [];
    }
    const deadline = Date.now() + FIX_WAIT_MS;
    while (!existsSync(fixedFile) && Date.now() < deadline) await sleep(POLL_MS);
    if (!existsSync(fixedFile)) return [];
    const rssAfterBytes = readRssBytes(pid);
    append({
      type: 'control',
      tMs: nowMs(),
      pid,
      action: 'release',
      ...(rssBeforeBytes === null ? {} : { rssBeforeBytes }),
      ...(rssAfterBytes === null ? {} : { rssAfterBytes }),
      durationMs: nowMs() - started,
    });
    return [pid];
  };
}
