// Was the target killed by the kernel's OOM killer? Only a SIGKILL can be, and the kernel
// counts each: the target's memory cgroup's `oom_kill` count rose since the process was
// first seen, or the machine's (/proc/vmstat) rose during the run. The machine's count also
// covers a target that moved to another cgroup after it was first seen; it could in
// principle be another process's OOM kill at the same moment as someone's SIGKILL.

import type { BodyRecord } from '../recording/records.js';
import { readMachineOomKills, readOomKills } from '../sources/oom-kills.js';

export function oomKilled(
  records: readonly BodyRecord[],
  rootPid: number,
  signal: string | null,
  machineBefore: number | null,
): boolean | undefined {
  if (signal !== 'SIGKILL') return undefined;
  const limit = records.find((r) => r.type === 'memory-limit' && r.pid === rootPid);
  if (limit?.type === 'memory-limit' && limit.cgroupDir !== undefined && limit.oomKills != null) {
    const now = readOomKills(limit.cgroupDir, limit.cgroupVersion ?? 1);
    if (now !== null && now > limit.oomKills) return true;
  }
  const machineNow = readMachineOomKills();
  return machineBefore !== null && machineNow !== null && machineNow > machineBefore;
}
