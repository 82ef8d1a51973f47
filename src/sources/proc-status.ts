// /proc/PID/status: read every tick. Gives RSS and its kernel split (RssAnon + RssFile +
// RssShmem = VmRSS), swap, thread count, parent and name. See proc(5).

import type { SampleRecord } from '../recording/records.js';
import { readByPath, type ProcFileReader, type ProcRead } from './proc-read.js';

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

// Only the fields it needs, each found by its line's start: a thousand processes a tick
// made parsing every line (parseKbFields) a fifth of the sampler's time in a profile.
export function parseProcStatus(text: string): ProcStatus | null {
  const rssKib = field(text, 'VmRSS');
  const rssBytes = kib(rssKib);
  if (rssBytes === null) return null;
  return {
    name: field(text, 'Name') ?? '',
    ppid: whole(field(text, 'PPid')) ?? 0,
    rssBytes,
    rssAnonBytes: kib(field(text, 'RssAnon')) ?? 0,
    rssFileBytes: kib(field(text, 'RssFile')) ?? 0,
    rssShmemBytes: kib(field(text, 'RssShmem')) ?? 0,
    swapBytes: kib(field(text, 'VmSwap')) ?? 0,
    threads: whole(field(text, 'Threads')) ?? 0,
  };
}

// The text after "Key:" and its whitespace on the line that starts with it, or null.
function field(text: string, key: string): string | null {
  const head = `${key}:`;
  // indexOf gives −1 when the key is absent: at is then 0, and the text does not start with it.
  const at = text.startsWith(head) ? 0 : text.indexOf(`\n${head}`) + 1;
  if (at === 0 && !text.startsWith(head)) return null;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  const value = text.slice(at + head.length, end);
  // Name keeps its own spaces (a process may name itself "npm start"); only the tab goes.
  return key === 'Name' ? value.replace(/^\t/, '') : value.trim();
}

function whole(value: string | null): number | null {
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

function kib(value: string | null): number | null {
  if (value === null || !value.endsWith(' kB')) return null;
  const count = whole(value.slice(0, -3).trim());
  return count === null ? null : count * 1024;
}

export type StatusRead = { ok: true; status: ProcStatus | null } | Exclude<ProcRead, { ok: true }>;

export function readProcStatus(pid: number, readFile: ProcFileReader = readByPath): StatusRead {
  const read = readFile(pid, 'status');
  if (!read.ok) return read;
  return { ok: true, status: parseProcStatus(read.text) };
}

// VmRSS alone; null when the process is gone or unreadable.
export function readRssBytes(pid: number): number | null {
  const read = readProcStatus(pid);
  return read.ok && read.status !== null ? read.status.rssBytes : null;
}
