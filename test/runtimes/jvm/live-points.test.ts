// The JVM live-point rules as a table of event sequences: which event of a cycle gives the
// live figure, and that young pauses never do.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JvmLivePoints } from '../../../src/runtimes/jvm/live-points.js';
import type { JvmGcEvent } from '../../../src/runtimes/jvm/gc-event.js';

const MIB = 1024 * 1024;
const event = (
  gcId: number,
  kind: JvmGcEvent['kind'],
  afterMiB: number,
  live: boolean,
): JvmGcEvent => ({
  gcId,
  atSeconds: gcId,
  kind,
  cause: null,
  heapBeforeBytes: (afterMiB + 10) * MIB,
  heapAfterBytes: afterMiB * MIB,
  heapCommittedBytes: 256 * MIB,
  pauseMs: 1,
  live,
});

function livePoints(events: JvmGcEvent[]): Array<[number, number, boolean]> {
  const out: Array<[number, number, boolean]> = [];
  const points = new JvmLivePoints((e, _tMs, live) =>
    out.push([e.gcId!, e.heapAfterBytes! / MIB, live]),
  );
  for (const e of events) points.event(e, e.gcId! * 1000);
  points.flush();
  return out;
}

test('jvm-live-points: young pauses are never live; a full GC is, at once', () => {
  assert.deepEqual(livePoints([event(0, 'young', 5, false), event(1, 'full', 3, true)]), [
    [0, 5, false],
    [1, 3, true],
  ]);
});

test('jvm-live-points: G1 Remark then Cleanup of one cycle: one live point, the Cleanup', () => {
  assert.deepEqual(
    livePoints([
      event(4, 'remark', 110, true),
      event(4, 'cleanup', 108, true),
      event(5, 'young', 60, false),
    ]),
    [
      [4, 110, false],
      [5, 60, false],
      // Recorded when the cycle is over (here: at the end).
      [4, 108, true],
    ],
  );
});

test('jvm-live-points: the first mixed pause after a Remark is live, the next is not', () => {
  const out = livePoints([
    event(4, 'remark', 110, true),
    event(5, 'mixed', 80, false),
    event(6, 'mixed', 70, false),
  ]);
  assert.deepEqual(
    out.filter(([, , live]) => live).map(([id]) => id),
    [4, 5],
  );
});

test('jvm-live-points: Shenandoah early and final cleanup: the final one is live', () => {
  const out = livePoints([
    event(0, 'cycle', 7, true),
    event(0, 'cycle', 1, true),
    event(1, 'cycle', 8, true),
  ]);
  assert.deepEqual(out, [
    [0, 7, false],
    [0, 1, true],
    [1, 8, true],
  ]);
});
