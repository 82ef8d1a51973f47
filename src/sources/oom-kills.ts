// How many processes the kernel's OOM killer has killed: in one memory cgroup (v2
// memory.events, v1 memory.oom_control: the `oom_kill` line, Linux 4.13+), and on the whole
// machine (/proc/vmstat `oom_kill`). A target that died of SIGKILL while its cgroup's count
// rose was killed by the OOM killer, and the report says so.

import { readFileSync } from 'node:fs';
import path from 'node:path';

export function readOomKills(cgroupDir: string, version: 1 | 2): number | null {
  const file = version === 2 ? 'memory.events' : 'memory.oom_control';
  try {
    return parseOomKill(readFileSync(path.join(cgroupDir, file), 'utf8'));
  } catch {
    return null;
  }
}

export function readMachineOomKills(): number | null {
  try {
    return parseOomKill(readFileSync('/proc/vmstat', 'utf8'));
  } catch {
    return null;
  }
}

export function parseOomKill(text: string): number | null {
  const count = /^oom_kill (\d+)$/m.exec(text)?.[1];
  return count === undefined ? null : Number(count);
}
