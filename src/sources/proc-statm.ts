// /proc/PID/statm: seven page counts on one line (size resident shared text lib data dt;
// see proc(5)). A third of the cost of /proc/PID/status for the same RSS (2.4 against
// 8.0 µs of CPU per read through a held descriptor, `node bench/proc-reads.mjs`),
// so on a large tree the processes outside the largest are read from it between their
// status rounds (procfs.ts). resident is VmRSS; shared is RssFile + RssShmem, so RssAnon is
// resident − shared exactly; the file/shmem split, swap and threads need status.

import { pageSizeBytes } from './page-size.js';

export interface ProcStatm {
  // VmSize: 0 for a process with no memory map (a zombie), which status shows as no VmRSS.
  sizeBytes: number;
  rssBytes: number;
  sharedBytes: number;
}

export function parseProcStatm(text: string, pageBytes = pageSizeBytes()): ProcStatm | null {
  const fields = text.trim().split(' ');
  if (fields.length !== 7 || !fields.every((field) => /^\d{1,15}$/.test(field))) return null;
  const [size, resident, shared] = fields.map(Number) as [number, number, number];
  // The kernel sums its per-CPU counters for each figure apart: never let shared pass resident.
  return {
    sizeBytes: size * pageBytes,
    rssBytes: resident * pageBytes,
    sharedBytes: Math.min(shared, resident) * pageBytes,
  };
}
