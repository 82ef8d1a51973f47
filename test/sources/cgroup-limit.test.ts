// The cgroup memory limit, from cgroup trees laid out as the kernel shows them (v1, v2,
// hybrid, nested limits, "unlimited"), and from this machine's real /proc.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readMemoryLimit } from '../../src/sources/cgroup-limit.js';

const V1_UNLIMITED = '9223372036854771712';

// A fake /proc (self/mountinfo, PID/cgroup) whose mount points lie under the same root.
function fakeHost(layout: {
  mounts: string[];
  cgroup: string;
  files: Record<string, string>;
}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'rssdoctor-cgroup-'));
  const sys = path.join(root, 'sys');
  mkdirSync(path.join(root, 'proc', 'self'), { recursive: true });
  mkdirSync(path.join(root, 'proc', '42'), { recursive: true });
  writeFileSync(
    path.join(root, 'proc', 'self', 'mountinfo'),
    layout.mounts.map((line) => line.replaceAll('SYS', sys)).join('\n') + '\n',
  );
  writeFileSync(path.join(root, 'proc', '42', 'cgroup'), layout.cgroup);
  for (const [file, text] of Object.entries(layout.files)) {
    mkdirSync(path.dirname(path.join(sys, file)), { recursive: true });
    writeFileSync(path.join(sys, file), text + '\n');
  }
  return path.join(root, 'proc');
}

const V1_MOUNT = '35 31 0:32 / SYS/memory rw,relatime - cgroup cgroup rw,memory';
const V2_MOUNT = '41 31 0:38 / SYS/unified rw,relatime - cgroup2 cgroup2 rw';

test('cgroup v1: the smallest limit on the path up, "unlimited" read as none', () => {
  const procRoot = fakeHost({
    mounts: [V1_MOUNT],
    cgroup: '4:memory:/app/worker\n0::/\n',
    files: {
      'memory/memory.limit_in_bytes': V1_UNLIMITED,
      'memory/app/memory.limit_in_bytes': String(512 * 1024 * 1024),
      'memory/app/worker/memory.limit_in_bytes': V1_UNLIMITED,
      'memory/app/worker/memory.oom_control': 'oom_kill_disable 0\nunder_oom 0\noom_kill 3',
    },
  });
  const sys = path.join(path.dirname(procRoot), 'sys');
  assert.deepEqual(readMemoryLimit(42, { procRoot }), {
    cgroupVersion: 1,
    limitBytes: 512 * 1024 * 1024,
    cgroupPath: '/app/worker',
    cgroupDir: path.join(sys, 'memory', 'app', 'worker'),
    oomKills: 3,
  });
});

test('cgroup v1 with no limit anywhere: null', () => {
  const procRoot = fakeHost({
    mounts: [V1_MOUNT],
    cgroup: '4:memory:/process_api/3c4f\n',
    files: {
      'memory/memory.limit_in_bytes': V1_UNLIMITED,
      'memory/process_api/3c4f/memory.limit_in_bytes': V1_UNLIMITED,
    },
  });
  assert.equal(readMemoryLimit(42, { procRoot }).limitBytes, null);
});

test('cgroup v2: memory.max, "max" is none; a parent limit applies', () => {
  const procRoot = fakeHost({
    mounts: [V2_MOUNT.replace('SYS/unified', 'SYS/fs')],
    cgroup: '0::/system.slice/app.service\n',
    files: {
      'fs/system.slice/memory.max': String(256 * 1024 * 1024),
      'fs/system.slice/app.service/memory.max': 'max',
    },
  });
  const sys = path.join(path.dirname(procRoot), 'sys');
  // No memory.events in this cgroup: the count is unknown, not zero.
  assert.deepEqual(readMemoryLimit(42, { procRoot }), {
    cgroupVersion: 2,
    limitBytes: 256 * 1024 * 1024,
    cgroupPath: '/system.slice/app.service',
    cgroupDir: path.join(sys, 'fs', 'system.slice', 'app.service'),
    oomKills: null,
  });
});

test('hybrid host: the memory controller on v1 wins over the v2 line', () => {
  const procRoot = fakeHost({
    mounts: [V2_MOUNT, V1_MOUNT],
    cgroup: '4:memory:/a\n0::/a\n',
    files: {
      'memory/a/memory.limit_in_bytes': String(64 * 1024 * 1024),
      'unified/a/memory.max': String(32 * 1024 * 1024),
    },
  });
  const limit = readMemoryLimit(42, { procRoot });
  assert.equal(limit.cgroupVersion, 1);
  assert.equal(limit.limitBytes, 64 * 1024 * 1024);
});

test('a missing pid: no limit, with the reason', () => {
  const limit = readMemoryLimit(2 ** 22 + 7);
  assert.equal(limit.limitBytes, null);
  assert.match(limit.why ?? '', /cannot read the cgroup of pid \d+: ENOENT/);
});

test('this machine: the real cgroup of this process reads without error', () => {
  const limit = readMemoryLimit(process.pid);
  assert.ok(limit.cgroupVersion === 1 || limit.cgroupVersion === 2, JSON.stringify(limit));
  assert.ok(limit.limitBytes === null || limit.limitBytes > 0);
});
