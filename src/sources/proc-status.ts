// /proc/PID/status: read every tick. Gives RSS and its kernel split (RssAnon + RssFile +
// RssShmem = VmRSS), swap, thread count, parent and name. See proc(5).

import type { SampleRecord } from '../recording/records.js';
import { parseKbFields, readProcFile, type ProcRead } from './proc-read.js';

export interface ProcStatus {
  name: string;
  ppid: number;
  rssBytes: number;
  rssAnonBytes: number;
  rssFileBytes: number;
  rssShmemBytes: number;
  swapBytes: number;
  threads: number;
}

// A kernel thread or a zombie has no VmRSS line; it returns null.
// One `sample` record from a status reading (the rare fields come from smaps_rollup).
export function sampleFromStatus(status: ProcStatus, pid: number, tMs: number): SampleRecord {
  return {
    type: 'sample',
    tMs,
    pid,
    rssBytes: status.rssBytes,
    rssAnonBytes: status.rssAnonBytes,
    rssFileBytes: status.rssFileBytes,
    rssShmemBytes: status.rssShmemBytes,
    swapBytes: status.swapBytes,
    threads: status.threads,
  };
}

export function parseProcStatus(text: string): ProcStatus | null {
  const kb = parseKbFields(text);
  const rssBytes = kb.get('VmRSS');
  if (rssBytes === undefined) return null;
  const name = /^Name:\t(.*)$/m.exec(text)?.[1] ?? '';
  const ppid = Number(/^PPid:\s+(\d+)$/m.exec(text)?.[1] ?? 0);
  const threads = Number(/^Threads:\s+(\d+)$/m.exec(text)?.[1] ?? 0);
  return {
    name,
    ppid,
    rssBytes,
    rssAnonBytes: kb.get('RssAnon') ?? 0,
    rssFileBytes: kb.get('RssFile') ?? 0,
    rssShmemBytes: kb.get('RssShmem') ?? 0,
    swapBytes: kb.get('VmSwap') ?? 0,
    threads,
  };
}

export type StatusRead = { ok: true; status: ProcStatus | null } | Exclude<ProcRead, { ok: true }>;

export function readProcStatus(pid: number): StatusRead {
  const read = readProcFile(`/proc/${pid}/status`);
  if (!read.ok) return read;
  return { ok: true, status: parseProcStatus(read.text) };
}

// VmRSS alone; null when the process is gone or unreadable.
export function readRssBytes(pid: number): number | null {
  const read = readProcStatus(pid);
  return read.ok && read.status !== null ? read.status.rssBytes : null;
}
