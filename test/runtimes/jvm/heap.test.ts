import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readHeapExitLine, type HeapAtExit } from '../../../src/runtimes/jvm/heap-exit.js';
import { parseHeapRange } from '../../../src/runtimes/jvm/heap-range.js';
import { repoRoot } from '../../support/paths.js';

test('jvm-heap-range: G1 gives one range; Parallel gives the union of its generations', () => {
  assert.deepEqual(
    parseHeapRange(
      ' garbage-first heap   total 65536K, used 23818K [0x00000000fc000000, 0x0000000100000000)\n  region size 1024K, 22 young (22528K), 5 survivors (5120K)',
    ),
    { start: 0xfc000000n, end: 0x100000000n },
  );
  assert.deepEqual(
    parseHeapRange(
      ' PSYoungGen      total 9216K, used 1037K [0x00000000ff600000, 0x0000000100000000, 0x0000000100000000)\n ParOldGen       total 20992K, used 0K [0x00000000fe000000, 0x00000000ff480000, 0x00000000ff600000)',
    ),
    { start: 0xfe000000n, end: 0x100000000n },
  );
  assert.equal(parseHeapRange(' ZHeap           used 8M, capacity 32M, max capacity 32M'), null);
});

test('jvm-heap-exit: used heap and young capacity from the exit summary', () => {
  const g1: HeapAtExit = { heapUsedBytes: null, youngCapacityBytes: null };
  readHeapExitLine(
    ' garbage-first heap   total 397312K, used 5003K [0x0000000687400000, 0x0000000800000000)',
    g1,
  );
  assert.deepEqual(g1, {
    heapUsedBytes: 5003 * 1024,
    youngCapacityBytes: (397312 * 1024 * 5) / 100,
  });
  const parallel: HeapAtExit = { heapUsedBytes: null, youngCapacityBytes: null };
  readHeapExitLine(' PSYoungGen      total 76288K, used 2621K [0x…, 0x…, 0x…)', parallel);
  readHeapExitLine(' ParOldGen       total 175104K, used 100K [0x…, 0x…, 0x…)', parallel);
  assert.deepEqual(parallel, { heapUsedBytes: 2721 * 1024, youngCapacityBytes: 76288 * 1024 });
});

test('jvm-heap-exit: the decorated summary line captured from JDK 17 G1', () => {
  const lines = readFileSync(
    path.join(repoRoot, 'test', 'fixtures', 'jvm-logs', 'jdk17-g1.log'),
    'utf8',
  ).split('\n');
  const g1: HeapAtExit = { heapUsedBytes: null, youngCapacityBytes: null };
  for (const line of lines) readHeapExitLine(line, g1);
  const summary = lines.find((line) => line.includes('garbage-first heap'))!;
  const [, total, used] = /total (\d+)K, used (\d+)K/.exec(summary)!;
  assert.match(summary, /^\[[\d.]+s\]\[info\]\[gc,heap,exit *\]/);
  assert.deepEqual(g1, {
    heapUsedBytes: Number(used) * 1024,
    youngCapacityBytes: (Number(total) * 1024 * 5) / 100,
  });
});
