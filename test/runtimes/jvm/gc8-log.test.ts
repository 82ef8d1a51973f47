// The JDK 8 (-Xloggc, PrintGCDetails) parser on documented samples of each collector's
// line (no JDK 8 installs here): Parallel, Serial/CMS, G1.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { test } from 'node:test';
import { assertFiniteFigures, damaged } from '../../support/fuzz.js';
import { parseGc8LogLine } from '../../../src/runtimes/jvm/gc8-log.js';

const KIB = 1024;
const MIB = 1024 * KIB;

test('jvm-gc8-log: Parallel young and full, generations stripped, whole heap kept', () => {
  const young = parseGc8LogLine(
    '2.345: [GC (Allocation Failure) [PSYoungGen: 65536K->10720K(76288K)] 65536K->10728K(251392K), 0.0123 secs] [Times: user=0.03 sys=0.01, real=0.01 secs]',
  );
  assert.ok(young.type === 'gc');
  assert.equal(young.event.kind, 'young');
  assert.equal(young.event.live, false);
  assert.equal(young.event.heapAfterBytes, 10728 * KIB);
  assert.equal(young.event.cause, 'Allocation Failure');
  const full = parseGc8LogLine(
    '2026-11-25T18:00:00.000+0000: 5.678: [Full GC (Ergonomics) [PSYoungGen: 10720K->0K(76288K)] [ParOldGen: 8K->10496K(175104K)] 10728K->10496K(251392K), [Metaspace: 2800K->2800K(1056768K)], 0.0456 secs] [Times: user=0.09 sys=0.00, real=0.05 secs]',
  );
  assert.ok(full.type === 'gc');
  assert.equal(full.event.kind, 'full');
  assert.equal(full.event.live, true);
  assert.equal(full.event.heapBeforeBytes, 10728 * KIB);
  assert.equal(full.event.heapAfterBytes, 10496 * KIB);
  assert.equal(full.event.heapCommittedBytes, 251392 * KIB);
  assert.equal(full.event.atSeconds, 5.678);
  assert.ok(Math.abs(full.event.pauseMs! - 45.6) < 1e-9);
});

test('jvm-gc8-log: Serial/CMS full GC with its timed generation bracket', () => {
  const full = parseGc8LogLine(
    '7.1: [Full GC (Allocation Failure) 7.1: [Tenured: 8K->10496K(175104K), 0.0456 secs] 10728K->10496K(251392K), [Metaspace: 2800K->2800K(1056768K)], 0.0460 secs]',
  );
  assert.ok(full.type === 'gc' && full.event.heapAfterBytes === 10496 * KIB && full.event.live);
});

test('jvm-gc8-log: G1 full and cleanup are live; its young pause header has no figures', () => {
  const full = parseGc8LogLine('1.234: [Full GC (System.gc())  24M->3M(256M), 0.0123 secs]');
  assert.ok(
    full.type === 'gc' &&
      full.event.heapAfterBytes === 3 * MIB &&
      full.event.cause === 'System.gc()',
  );
  const cleanup = parseGc8LogLine('3.210: [GC cleanup 110M->108M(256M), 0.0001 secs]');
  assert.ok(cleanup.type === 'gc' && cleanup.event.kind === 'cleanup' && cleanup.event.live);
  assert.equal(
    parseGc8LogLine('0.123: [GC pause (G1 Evacuation Pause) (young), 0.0123 secs]').type,
    'other',
  );
  assert.equal(
    parseGc8LogLine(
      '   [Eden: 24.0M(24.0M)->0.0B(13.0M) Survivors: 0.0B->3072.0K Heap: 24.0M(256.0M)->3.5M(256.0M)]',
    ).type,
    'other',
  );
  assert.equal(
    parseGc8LogLine('5.0: [GC (Allocation Failure) [PSYoungGen: 65536K->1').type,
    'malformed',
  );
});

test('jvm-gc8-log: random and mutated lines give a typed line, never throw', () => {
  const seeds = [
    '2.345: [GC (Allocation Failure) [PSYoungGen: 65536K->10720K(76288K)] 65536K->10728K(251392K), 0.0123 secs] [Times: user=0.03 sys=0.01, real=0.01 secs]',
    '2026-11-25T18:00:00.000+0000: 5.678: [Full GC (Ergonomics) [PSYoungGen: 10720K->0K(76288K)] [ParOldGen: 8K->10496K(175104K)] 10728K->10496K(251392K), [Metaspace: 2800K->2800K(1056768K)], 0.0456 secs] [Times: user=0.09 sys=0.00, real=0.05 secs]',
  ];
  fc.assert(
    fc.property(damaged(seeds), (line) => {
      const parsed = parseGc8LogLine(line);
      assert.ok(['gc', 'using', 'other', 'malformed'].includes(parsed.type));
      if (parsed.type === 'gc') {
        const { cause: _cause, kind: _kind, live: _live, ...figures } = parsed.event;
        assertFiniteFigures(figures);
      }
    }),
    { numRuns: 2000 },
  );
});
