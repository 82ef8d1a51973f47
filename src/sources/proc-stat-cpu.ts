// CPU time a process has used, from /proc/PID/stat: utime + stime (fields 14 and 15, in
// clock ticks, counted after the command name, which may itself hold spaces and
// parentheses). See proc(5). USER_HZ is 100 on every Linux architecture Node runs on
// (the kernel fixes it for /proc, whatever CONFIG_HZ is).

import { readByPath, type ProcFileReader } from './proc-read.js';

export const USER_HZ = 100;

export function parseCpuMs(stat: string): number | null {
  const close = stat.lastIndexOf(')');
  if (close < 0) return null;
  const fields = stat.slice(close + 2).split(' ');
  // fields[0] is field 3 (state): utime is field 14, stime 15.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return null;
  return ((utime + stime) * 1000) / USER_HZ;
}

export function readCpuMs(pid: number, readFile: ProcFileReader = readByPath): number | null {
  const read = readFile(pid, 'stat');
  return read.ok ? parseCpuMs(read.text) : null;
}
