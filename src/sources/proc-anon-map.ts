// Where a process's anonymous memory lies, from one read of /proc/PID/smaps. Each mapping's
// `Anonymous:` bytes (their sum is RssAnon) go to one place, in this order:
//   heap    inside the runtime heap's address range (Go arenas, the Java heap);
//   stacks  (--deep) a mapping holding a thread's stack: the main [stack], and each
//           thread's, found from its stack pointer in /proc/PID/task/TID/syscall (the
//           kernel stopped labelling thread stacks in 4.5);
//   other   the rest.
// smaps walks every mapping and briefly holds the target's mmap lock, so this is read on
// the smaps cadence, not every tick.

import { readdirSync, readFileSync } from 'node:fs';
import type { AnonMapRecord } from '../recording/records.js';
import type { AddressRange } from './jvm-heap-range.js';

const KIB = 1024;

export type AnonMap = Omit<AnonMapRecord, 'type' | 'tMs' | 'pid'>;

interface Mapping {
  start: bigint;
  end: bigint;
  name: string;
  anonBytes: number;
  lazyFreeBytes: number;
}

export function readAnonMap(
  pid: number,
  heapRanges: readonly AddressRange[] | null,
  deep: boolean,
): AnonMap | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/smaps`, 'latin1');
  } catch {
    return null;
  }
  const mappings = parseSmaps(text);
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

function parseSmaps(text: string): Mapping[] {
  const out: Mapping[] = [];
  let current: Mapping | undefined;
  for (const line of text.split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (header !== null) {
      current = {
        start: BigInt(`0x${header[1]}`),
        end: BigInt(`0x${header[2]}`),
        name: header[3]!,
        anonBytes: 0,
        lazyFreeBytes: 0,
      };
      out.push(current);
    } else if (current !== undefined && line.startsWith('Anonymous:')) {
      current.anonBytes = Number(/(\d+)/.exec(line)![1]) * KIB;
    } else if (current !== undefined && line.startsWith('LazyFree:')) {
      current.lazyFreeBytes = Number(/(\d+)/.exec(line)![1]) * KIB;
    }
  }
  return out;
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
