// A process's memory limit from its cgroup, v1 or v2. The hierarchy's mount point comes
// from /proc/self/mountinfo (cgroup v1 with the `memory` option, or cgroup2), the
// process's place in it from /proc/PID/cgroup. A limit set on any ancestor applies, so the
// smallest on the path up to the mount's root is the limit. v1 writes "no limit" as the
// largest page-aligned 63-bit number (9223372036854771712 on this machine); v2 as "max".

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readOomKills } from './oom-kills.js';

// Anything at or above 2^62 bytes is v1's "unlimited": no machine has that much memory.
const V1_UNLIMITED_BYTES = 2 ** 62;

export interface MemoryLimit {
  cgroupVersion: 1 | 2 | null;
  limitBytes: number | null;
  cgroupPath: string | null;
  why?: string;
  // The process's own memory cgroup directory, and its OOM kill count when read.
  cgroupDir?: string;
  oomKills?: number | null;
}

export interface CgroupPaths {
  procRoot: string;
}

interface Mount {
  version: 1 | 2;
  root: string;
  mountPoint: string;
}

export function readMemoryLimit(
  pid: number,
  paths: CgroupPaths = { procRoot: '/proc' },
): MemoryLimit {
  let cgroupText: string;
  let mountText: string;
  try {
    cgroupText = readFileSync(path.join(paths.procRoot, String(pid), 'cgroup'), 'utf8');
    mountText = readMountinfo(paths.procRoot);
  } catch (error) {
    return unknown(
      `cannot read the cgroup of pid ${pid}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  const mounts = parseMounts(mountText);
  // Hybrid hosts list both; the memory controller is on v1 there when a v1 mount has it.
  const v1 = mounts.find((mount) => mount.version === 1);
  const v1Line = /^\d+:([^:]*\bmemory\b[^:]*):(.*)$/m.exec(cgroupText);
  if (v1 !== undefined && v1Line !== null) return limitAlong(v1, v1Line[2]!, 1);
  const v2 = mounts.find((mount) => mount.version === 2);
  const v2Line = /^0::(.*)$/m.exec(cgroupText);
  if (v2 !== undefined && v2Line !== null) return limitAlong(v2, v2Line[1]!, 2);
  return unknown('no cgroup memory controller is mounted');
}

// rssdoctor's own mount table, read once per /proc root: it is the same for every process
// of a tree, which met one read per new process.
const mountinfos = new Map<string, string>();

function readMountinfo(procRoot: string): string {
  let text = mountinfos.get(procRoot);
  if (text === undefined) {
    text = readFileSync(path.join(procRoot, 'self', 'mountinfo'), 'utf8');
    mountinfos.set(procRoot, text);
  }
  return text;
}

function parseMounts(text: string): Mount[] {
  const out: Mount[] = [];
  for (const line of text.split('\n')) {
    const [left, right] = line.split(' - ');
    if (left === undefined || right === undefined) continue;
    const fields = left.split(' ');
    const [fsType, , options = ''] = right.split(' ');
    const root = fields[3];
    const mountPoint = fields[4];
    if (root === undefined || mountPoint === undefined) continue;
    if (fsType === 'cgroup2') out.push({ version: 2, root, mountPoint });
    else if (fsType === 'cgroup' && options.split(',').includes('memory'))
      out.push({ version: 1, root, mountPoint });
  }
  return out;
}

function limitAlong(mount: Mount, cgroupPath: string, version: 1 | 2): MemoryLimit {
  const file = version === 1 ? 'memory.limit_in_bytes' : 'memory.max';
  // Inside a container the path may be relative to a namespace root the mount shows as "/".
  const relative = path.posix.relative(mount.root, cgroupPath);
  const start = relative.startsWith('..') ? cgroupPath : `/${relative}`;
  let limitBytes: number | null = null;
  let read = false;
  for (let dir = start; ; dir = path.posix.dirname(dir)) {
    const value = readLimitFile(path.join(mount.mountPoint, dir, file), version);
    if (value !== undefined) {
      read = true;
      if (value !== null) limitBytes = limitBytes === null ? value : Math.min(limitBytes, value);
    }
    if (dir === '/' || dir === '.') break;
  }
  if (!read) {
    return {
      cgroupVersion: version,
      limitBytes: null,
      cgroupPath,
      why: `no ${file} readable under ${mount.mountPoint}`,
    };
  }
  const cgroupDir = path.join(mount.mountPoint, start);
  return {
    cgroupVersion: version,
    limitBytes,
    cgroupPath,
    cgroupDir,
    oomKills: readOomKills(cgroupDir, version),
  };
}

// undefined: no such file; null: no limit.
function readLimitFile(file: string, version: 1 | 2): number | null | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
  if (version === 2 && text === 'max') return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  return value >= V1_UNLIMITED_BYTES ? null : value;
}

function unknown(why: string): MemoryLimit {
  return { cgroupVersion: null, limitBytes: null, cgroupPath: null, why };
}
