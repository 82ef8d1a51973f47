// The process tree under a root PID, from /proc/PID/task/TID/children (Linux ≥ 3.5 with
// CONFIG_PROC_CHILDREN). Reading only the tree's own files keeps a tick cheap whatever
// else runs on the machine; scanning all of /proc would not.

import { readdirSync } from 'node:fs';
import { readByPath, type ProcFileReader } from './proc-read.js';

// Root first, then descendants breadth-first. A PID that vanished mid-walk is skipped.
export function listProcessTree(rootPid: number): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    out.push(pid);
    for (const child of childrenOf(pid)) queue.push(child);
  }
  return out;
}

// A process known to have one thread has one task, itself: no directory to list (the
// sampler knows the count from the status it just read).
export function childrenOf(
  pid: number,
  threads: number | null = null,
  readFile: ProcFileReader = readByPath,
): number[] {
  let tids: string[];
  if (threads === 1) tids = [String(pid)];
  else {
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      return [];
    }
  }
  const children: number[] = [];
  for (const tid of tids) {
    // Threads come and go: only the main thread's file is worth holding open.
    const file = `task/${tid}/children`;
    const read = tid === String(pid) ? readFile(pid, file) : readByPath(pid, file);
    if (!read.ok) continue;
    for (const token of read.text.split(' ')) {
      const child = Number(token);
      if (Number.isInteger(child) && child > 0) children.push(child);
    }
  }
  return children;
}
