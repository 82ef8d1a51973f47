// /proc files of the watched processes held open between ticks and read again from offset
// 0. On a tree of 1,000 processes the open and close of each status and children file,
// every tick, cost 2.0% of a core against 2.3% for the reads themselves (a CPU profile,
// `node --cpu-prof`): the path walk through /proc and the seq_file set-up each time. A held
// descriptor costs neither (`node bench/proc-reads.mjs`); pread at offset 0 makes the kernel
// regenerate the text (seq_file's traverse from 0).
//
// Safe across PID reuse: a descriptor refers to the process it was opened on (its struct
// pid), so once that process is gone the read fails with ESRCH, never reads a newcomer's
// figures. The descriptor is then closed and the path opened afresh once, for a new process
// with the same number. Nothing is held in the watched process: it keeps no reference to
// us, and its exit frees its memory whatever we hold.
//
// Bounded: at most `maxHeld` descriptors (half the soft RLIMIT_NOFILE, less a reserve for
// the rest of rssdoctor, at most MAX_HELD); past that a file is opened, read and closed
// as before.

import { closeSync, openSync, readFileSync } from 'node:fs';
import { parseSoftLimit } from './address-space-limit.js';
import { procReadFailure, readOpenProcFile, readProcFile, type ProcRead } from './proc-read.js';

export const MAX_HELD = 8192;
// Descriptors left for the recording, sockets, attach and the runtime sources.
export const RESERVED_DESCRIPTORS = 256;

export interface ProcHandles {
  // /proc/PID/<file>, e.g. read(42, 'status') or read(42, 'task/42/children').
  read: (pid: number, file: string) => ProcRead;
  // Closes what is held for a process that left the tree.
  forget: (pid: number) => void;
  close: () => void;
  held: () => number;
}

export function openProcHandles(maxHeld = heldBudget()): ProcHandles {
  const byPid = new Map<number, Map<string, number>>();
  let held = 0;
  const forget = (pid: number): void => {
    const files = byPid.get(pid);
    if (files === undefined) return;
    for (const fd of files.values()) closeQuietly(fd);
    held -= files.size;
    byPid.delete(pid);
  };
  const read = (pid: number, file: string): ProcRead => {
    const path = `/proc/${pid}/${file}`;
    const fd = byPid.get(pid)?.get(file);
    if (fd !== undefined) {
      const text = readOpenProcFile(fd);
      if (text.ok || text.reason !== 'gone') return text;
      // Its process is gone; the number may already be another's.
      forget(pid);
    }
    if (held >= maxHeld) return readProcFile(path);
    let opened: number;
    try {
      opened = openSync(path, 'r');
    } catch (error) {
      return procReadFailure(error);
    }
    const files = byPid.get(pid) ?? new Map<string, number>();
    byPid.set(pid, files);
    files.set(file, opened);
    held++;
    return readOpenProcFile(opened);
  };
  const close = (): void => {
    for (const pid of [...byPid.keys()]) forget(pid);
  };
  return { read, forget, close, held: () => held };
}

// Half the soft limit on open files, less a reserve, within MAX_HELD.
export function heldBudget(limits = readSelfLimits()): number {
  const limit = parseSoftLimit(limits, 'Max open files') ?? 1024;
  const soft = limit === 'unlimited' ? Infinity : limit;
  return Math.max(0, Math.min(MAX_HELD, Math.floor(soft / 2) - RESERVED_DESCRIPTORS));
}

function readSelfLimits(): string {
  try {
    return readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return '';
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing held.
  }
}
