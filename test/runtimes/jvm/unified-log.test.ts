// The unified-logging parser on logs captured here from JDK 17 under every collector it
// has (test/fixtures/jvm-logs; regenerate with scripts/capture-jvm-logs.mjs), and on
// samples of the lines those short runs did not produce (G1 Remark, Cleanup, mixed;
// ZGC 21's minor/major), written from the JDK sources' log_info(gc) calls.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { test } from 'node:test';
import { assertFiniteFigures, damaged } from '../../support/fuzz.js';
import type { JvmGcEvent } from '../../../src/runtimes/jvm/gc-event.js';
import { parseUnifiedLogLine } from '../../../src/runtimes/jvm/unified-log.js';
import { repoRoot } from '../../support/paths.js';

const MIB = 1024 * 1024;

function events(collector: string): { using: string[]; gcs: JvmGcEvent[]; malformed: number } {
  const text = readFileSync(
    path.join(repoRoot, 'test', 'fixtures', 'jvm-logs', `jdk17-${collector}.log`),
    'utf8',
  );
  const out = { using: [] as string[], gcs: [] as JvmGcEvent[], malformed: 0 };
  for (const line of text.split('\n')) {
    const parsed = parseUnifiedLogLine(line);
    if (parsed.type === 'using') out.using.push(parsed.collector);
    else if (parsed.type === 'gc') out.gcs.push(parsed.event);
    else if (parsed.type === 'malformed') out.malformed++;
  }
  return out;
}

for (const [collector, name] of [
  ['g1', 'G1'],
  ['parallel', 'Parallel'],
  ['serial', 'Serial'],
] as const) {
  test(`jvm-unified-log: JDK 17 ${name}: young pauses are not live, the forced full GC is`, () => {
    const found = events(collector);
    assert.deepEqual(found.using, [name]);
    assert.equal(found.malformed, 0);
    const young = found.gcs.filter((gc) => gc.kind === 'young');
    assert.ok(young.length >= 2 && young.every((gc) => !gc.live));
    const full = found.gcs.filter((gc) => gc.kind === 'full');
    assert.equal(full.length, 1);
    assert.equal(full[0]!.cause, 'Diagnostic Command');
    assert.equal(full[0]!.live, true);
    assert.ok(full[0]!.heapAfterBytes! <= full[0]!.heapBeforeBytes!);
    assert.ok(full[0]!.heapCommittedBytes! >= full[0]!.heapAfterBytes!);
    assert.ok(full[0]!.pauseMs! > 0);
  });
}

test('jvm-unified-log: JDK 17 ZGC: every cycle end is live, with its percentages', () => {
  const found = events('z');
  assert.deepEqual(found.using, ['The Z Garbage Collector']);
  assert.ok(found.gcs.length >= 5 && found.gcs.every((gc) => gc.kind === 'cycle' && gc.live));
  assert.ok(found.gcs.some((gc) => gc.cause === 'Diagnostic Command'));
  assert.ok(found.gcs.every((gc) => gc.heapCommittedBytes === null));
});

test('jvm-unified-log: JDK 17 Shenandoah: the cleanup lines carry the numbers', () => {
  const found = events('shenandoah');
  assert.deepEqual(found.using, ['Shenandoah']);
  const cleanups = found.gcs.filter((gc) => gc.kind === 'cycle');
  assert.ok(cleanups.length >= 4 && cleanups.every((gc) => gc.live));
  assert.ok(cleanups.every((gc) => gc.heapCommittedBytes === 32 * MIB));
});

test('jvm-unified-log: G1 Remark, Cleanup and mixed pauses, and the exact figures', () => {
  const remark = parseUnifiedLogLine(
    '[2.100s][info][gc          ] GC(4) Pause Remark 120M->110M(256M) 0.512ms',
  );
  assert.deepEqual(remark, {
    type: 'gc',
    event: {
      gcId: 4,
      atSeconds: 2.1,
      kind: 'remark',
      cause: null,
      heapBeforeBytes: 120 * MIB,
      heapAfterBytes: 110 * MIB,
      heapCommittedBytes: 256 * MIB,
      pauseMs: 0.512,
      live: true,
    },
  });
  const cleanup = parseUnifiedLogLine(
    '[2.110s][info][gc] GC(4) Pause Cleanup 110M->108M(256M) 0.101ms',
  );
  assert.equal(cleanup.type === 'gc' && cleanup.event.kind, 'cleanup');
  const mixed = parseUnifiedLogLine(
    '[2.400s][info][gc] GC(6) Pause Young (Mixed) (G1 Evacuation Pause) 100M->60M(256M) 3.2ms',
  );
  assert.ok(mixed.type === 'gc' && mixed.event.kind === 'mixed' && !mixed.event.live);
  const full = parseUnifiedLogLine(
    '[3.0s][info][gc] GC(7) Pause Full (System.gc()) 100M->50M(256M) 20.1ms',
  );
  assert.ok(full.type === 'gc' && full.event.cause === 'System.gc()' && full.event.live);
});

test('jvm-unified-log: ZGC 21 generational: minor is young, major is live', () => {
  const minor = parseUnifiedLogLine(
    '[0.9s][info][gc] GC(3) Minor Collection (Allocation Rate) 40M(5%)->9M(1%) 0.012s',
  );
  assert.ok(minor.type === 'gc' && minor.event.kind === 'young' && !minor.event.live);
  assert.ok(minor.type === 'gc' && minor.event.pauseMs === 12);
  const major = parseUnifiedLogLine(
    '[1.9s][info][gc] GC(4) Major Collection (Proactive) 60M(8%)->20M(3%) 0.120s',
  );
  assert.ok(major.type === 'gc' && major.event.live && major.event.heapAfterBytes === 20 * MIB);
});

test('jvm-unified-log: other tags and undecorated lines', () => {
  assert.equal(parseUnifiedLogLine('[0.1s][info][gc,init] Heap Region Size: 1M').type, 'other');
  assert.equal(parseUnifiedLogLine('[0.1s][info][gc] GC(0) Concurrent Mark Cycle').type, 'other');
  assert.equal(parseUnifiedLogLine('GC(0) Pause Young 6M->1M(64M)').type, 'malformed');
  assert.equal(parseUnifiedLogLine('').type, 'other');
});

test('jvm-unified-log: the heap cap from gc,init (-Xmx or ergonomic), nothing from other init lines', () => {
  assert.deepEqual(parseUnifiedLogLine('[0.007s][info][gc,init] Heap Max Capacity: 200M'), {
    type: 'max-heap',
    bytes: 200 * 1024 * 1024,
  });
  assert.deepEqual(parseUnifiedLogLine('[0.007s][info][gc,init] Heap Min Capacity: 8M'), {
    type: 'other',
  });
  assert.deepEqual(parseUnifiedLogLine('[0.007s][info][gc] Heap Max Capacity: 200M'), {
    type: 'other',
  });
});

test('jvm-unified-log: random and mutated lines of every collector give a typed line, never throw', () => {
  const seeds = ['g1', 'parallel', 'serial', 'shenandoah', 'z'].flatMap((collector) =>
    readFileSync(
      path.join(repoRoot, 'test', 'fixtures', 'jvm-logs', `jdk17-${collector}.log`),
      'utf8',
    )
      .split('\n')
      .slice(0, 60),
  );
  fc.assert(
    fc.property(damaged(seeds), (line) => {
      const parsed = parseUnifiedLogLine(line);
      assert.ok(['gc', 'using', 'max-heap', 'other', 'malformed'].includes(parsed.type));
      if (parsed.type === 'gc') {
        const { cause: _cause, kind: _kind, live: _live, ...figures } = parsed.event;
        assertFiniteFigures(figures);
      }
      if (parsed.type === 'max-heap') assertFiniteFigures(parsed);
    }),
    { numRuns: 2000 },
  );
});
