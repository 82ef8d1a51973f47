// Tree totals use Pss, not the sum of RSS: pages shared between a wrapper and its children
// (the binary, libraries, shared memory) would otherwise be counted once per process.

import type { BodyRecord } from '../recording/records.js';
import type { TreeSummary } from './report.js';

export function treeSummary(records: readonly BodyRecord[]): TreeSummary {
  const pids = new Set<number>();
  let lastPssTickMs = -1;
  for (const record of records) {
    if (record.type !== 'sample') continue;
    pids.add(record.pid);
    if (record.pssBytes !== undefined) lastPssTickMs = Math.max(lastPssTickMs, record.tMs);
  }
  if (lastPssTickMs < 0) return { processes: pids.size, pssBytes: null };
  let pssBytes = 0;
  for (const record of records) {
    if (record.type === 'sample' && record.tMs === lastPssTickMs) {
      pssBytes += record.pssBytes ?? 0;
    }
  }
  return { processes: pids.size, pssBytes };
}
