// The fallback for a JVM whose GC log cannot be turned on (JDK 8, VM.log refused), on a
// real JVM: GC.run then GC.heap_info give forced live points of a growing heap, and the
// parser sums the generations' "used" as each collector prints them.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import fc from 'fast-check';
import type { BodyRecord } from '../../../src/recording/records.js';
import { parseHeapUsedBytes } from '../../../src/runtimes/jvm/heap-info.js';
import { openHeapInfoSession } from '../../../src/runtimes/jvm/heap-info-session.js';
import { buildJavaFixtures, javaSkip } from '../../support/java.js';
import { until } from '../../support/until.js';

test('heap-info: G1’s one line, Parallel’s two generations, metaspace left out', () => {
  const g1 =
    ' garbage-first heap   total 262144K, used 25370K [0x00000000f0000000, 0x0000000100000000)\n' +
    '  region size 1024K, 2 young (2048K), 0 survivors (0K)\n' +
    ' Metaspace       used 6000K, committed 6144K, reserved 1114112K\n';
  assert.equal(parseHeapUsedBytes(g1), 25370 * 1024);
  const parallel =
    ' PSYoungGen      total 76288K, used 3932K [0x…, 0x…, 0x…)\n' +
    '  eden space 65536K, 6% used [0x…,0x…,0x…)\n' +
    ' ParOldGen       total 175104K, used 1024K [0x…, 0x…, 0x…)\n';
  assert.equal(parseHeapUsedBytes(parallel), (3932 + 1024) * 1024);
  assert.equal(
    parseHeapUsedBytes(' ZHeap           used 12M, capacity 64M, max capacity 512M\n'),
    null,
  );
});

test('heap-info: any text gives bytes or null, never throws', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (text) => {
      const used = parseHeapUsedBytes(text);
      assert.ok(used === null || (Number.isFinite(used) && used >= 0));
    }),
  );
});

test(
  'heap-info session: forced live points of a real JVM’s growing heap',
  { skip: javaSkip() },
  async () => {
    const classes = buildJavaFixtures();
    const child = spawn('java', ['-Xmx512m', '-cp', classes, 'StaticListLeak'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const pid = child.pid!;
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    const records: BodyRecord[] = [];
    const session = openHeapInfoSession(pid, {
      directory: mkdtempSync(path.join(tmpdir(), 'rssdoctor-heapinfo-')),
      intervalMs: 200,
      // A 15-point target over 15 s: a live point due every second.
      durationMs: 15_000,
      passive: false,
      attribution: false,
      quietTrace: true,
      echoStderr: () => undefined,
      nowMs: () => performance.now(),
      append: (record) => records.push(record),
    });
    try {
      await until(
        'three forced live points',
        () => records.filter((r) => r.type === 'gc' && r.liveBytes !== undefined).length >= 3,
        { poke: () => session.tick([pid]), timeoutMs: 30_000 },
      );
    } finally {
      child.kill('SIGKILL');
      await session.close();
    }
    const live = records.flatMap((r) =>
      r.type === 'gc' && r.liveBytes !== undefined ? [r.liveBytes] : [],
    );
    // StaticListLeak keeps 1 MiB/s: the last point is above the first.
    assert.ok(live[live.length - 1]! > live[0]!, live.join(','));
    assert.notEqual(session.heapRanges!(pid), null);
  },
);
