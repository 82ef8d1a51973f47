// Where a process's anonymous memory lies, from one read of /proc/PID/smaps. Each mapping's
// `Anonymous:` bytes (their sum is RssAnon) go to one place, in this order:
//   heap    inside the runtime heap's address range (Go arenas, the Java heap);
//   stacks  (--deep) a mapping holding a thread's stack: the main [stack], and each
//           thread's, found from its stack pointer in /proc/PID/task/TID/syscall (the
//           kernel stopped labelling thread stacks in 4.5);
//   other   the rest.

import { readdirSync, readFileSync } from 'node:fs';
import type { AnonMapRecord } from '../recording/records.js';
import type { AddressRange } from './address-range.js';
import { readSmapsMappings } from './proc-smaps.js';

export type AnonMap = Omit<AnonMapRecord, 'type' | 'tMs' | 'pid'>;

export function readAnonMap(
  pid: number,
  heapRanges: readonly AddressRange[] | null,
  deep: boolean,
): AnonMap | null {
  const mappings = readSmapsMappings(pid);
  if (mappings === null) return null;
  const stackPointers = deep ? threadStackPointers(pid) : null;
  let anonBytes = 0;
  let lazyFreeBytes = 0;
  let heapBytes = 0;
  let stacksBytes = 0;
  const found = new Set<bigint>();
  for (const mapping of mappings) {
    anonBytes += mapping.anonBytes;
    lazyFreeBytes += mapping.lazyFreeBytes;
    if (heapRanges?.some((range) => mapping.start >= range.start && mapping.end <= range.end)) {
      heapBytes += mapping.anonBytes;
      continue;
    }
    if (stackPointers === null) continue;
    const holds = stackPointers.sps.filter((sp) => sp >= mapping.start && sp < mapping.end);
    for (const sp of holds) found.add(sp);
    if (holds.length > 0 || mapping.name === '[stack]') stacksBytes += mapping.anonBytes;
  }
  return {
    anonBytes,
    lazyFreeBytes,
    heapBytes: heapRanges === null ? null : heapBytes,
    stacksBytes: stackPointers === null ? null : stacksBytes,
    stacksFound: stackPointers === null ? null : found.size,
    threads: stackPointers === null ? null : stackPointers.threads,
  };
}

// The stack pointer of every thread blocked in a system call: `syscall` reads
// "nr arg1 … arg6 sp pc" (or "running", whose stack is then not found).
function threadStackPointers(pid: number): { sps: bigint[]; threads: number } {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return { sps: [], threads: 0 };
  }
  const sps: bigint[] = [];
  for (const tid of tids) {
    try {
      const fields = readFileSync(`/proc/${pid}/task/${tid}/syscall`, 'latin1').trim().split(' ');
      if (fields.length >= 3) sps.push(BigInt(fields[fields.length - 2]!));
    } catch {
      // the thread exited, or syscall is not readable
    }
  }
  return { sps, threads: tids.length };
}
