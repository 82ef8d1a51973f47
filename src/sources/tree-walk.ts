// One tick's walk of the tree under the root, breadth-first, each process's status read as
// it is reached (tick-status.ts): its thread count spares listing /proc/PID/task for a
// single-threaded process (proc-tree.ts). With `listChildren` false the children lists of
// the last listing walk are used instead of read: the caller knows no process was born
// since (last-pid.ts), and walks again listing them when this walk finds one gone (its
// children may have been handed to another member, a subreaper).

import type { ProcHandles } from './proc-handles.js';
import type { ProcStatus } from './proc-status.js';
import { childrenOf } from './proc-tree.js';
import { readTickStatus } from './tick-status.js';

export interface WalkState {
  handles: ProcHandles;
  // Each process's last full status, under its statm readings.
  lastStatus: Map<number, ProcStatus>;
  // The root and the largest processes at the last tick: their status is read every tick.
  detailed: Set<number>;
  // Each process's children at the last listing walk.
  children: Map<number, number[]>;
}

export interface TreeWalk {
  processes: { pid: number; status: ProcStatus }[];
  // Reads refused or failed for another reason than the process being gone.
  failures: { pid: number; errno: string }[];
  // A process reached but gone (or a zombie): the tree lost a member.
  lostMember: boolean;
}

export function walkTree(
  rootPid: number,
  { statusAll, listChildren }: { statusAll: boolean; listChildren: boolean },
  state: WalkState,
): TreeWalk {
  const walk: TreeWalk = { processes: [], failures: [], lostMember: false };
  const queue = [rootPid];
  const seen = new Set<number>();
  // An index, not shift(): a thousand shifts of a thousand-long queue every tick.
  for (let next = 0; next < queue.length; next++) {
    const pid = queue[next]!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const statusDue = statusAll || state.detailed.has(pid);
    const last = statusDue ? undefined : state.lastStatus.get(pid);
    const read = readTickStatus(pid, last, state.handles.read);
    if (!read.ok || read.status === null) {
      // Nothing held for a process not watched (a zombie, exited but not yet reaped).
      state.handles.forget(pid);
      if (read.ok || read.reason === 'gone') walk.lostMember = true;
      else walk.failures.push({ pid, errno: read.errno });
      continue;
    }
    const status = read.status;
    if (read.full === true) state.lastStatus.set(pid, status);
    let children = listChildren ? undefined : state.children.get(pid);
    if (children === undefined) {
      children = childrenOf(pid, status.threads, state.handles.read);
      state.children.set(pid, children);
    }
    queue.push(...children);
    walk.processes.push({ pid, status });
  }
  return walk;
}
