// One process's status for a tick: the full /proc/PID/status when it is due, otherwise
// its statm on top of the last status. On a tree of 1,000 processes reading status for
// each, every tick, was the largest part of rssdoctor's own CPU (`node --cpu-prof` of a
// 40 s run at 1,000 sleeping processes: 3.99% of a core of 11.7%); statm costs a third of
// it (proc-statm.ts).
//
// Status is due for a process seen for the first time, on the 10 s smaps rounds, and every
// tick for the root and the largest processes by RSS (procfs.ts), where the split and swap
// matter. Between, RSS and RssAnon are exact from statm; RssShmem, VmSwap, the thread
// count, name and parent are the last status's, at most one round old, and RssFile is
// shared less that RssShmem.

import type { ProcFileReader } from './proc-read.js';
import { parseProcStatm } from './proc-statm.js';
import { readProcStatus, type ProcStatus, type StatusRead } from './proc-status.js';

export type TickStatusRead = StatusRead & { full?: boolean };

export function readTickStatus(
  pid: number,
  last: ProcStatus | undefined,
  readFile: ProcFileReader,
): TickStatusRead {
  if (last === undefined) return { ...readProcStatus(pid, readFile), full: true };
  const read = readFile(pid, 'statm');
  if (!read.ok) return read;
  const statm = parseProcStatm(read.text);
  // No memory map: a zombie, as a status without VmRSS says.
  if (statm === null || statm.sizeBytes === 0) return { ok: true, status: null, full: false };
  const shmemBytes = Math.min(last.rssShmemBytes, statm.sharedBytes);
  const status: ProcStatus = {
    ...last,
    rssBytes: statm.rssBytes,
    rssAnonBytes: statm.rssBytes - statm.sharedBytes,
    rssFileBytes: statm.sharedBytes - shmemBytes,
    rssShmemBytes: shmemBytes,
  };
  return { ok: true, status, full: false };
}
