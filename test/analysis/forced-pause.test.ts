import assert from 'node:assert/strict';
import { test } from 'node:test';
import { worstForcedPause } from '../../src/analysis/forced-pause.js';
import type { GcRecord } from '../../src/recording/records.js';

const gc = (threadId: number, forced: boolean, pauseMs?: number): GcRecord => ({
  type: 'gc',
  tMs: 0,
  pid: 1,
  threadId,
  kind: 'full',
  forced,
  ...(pauseMs === undefined ? {} : { pauseMs }),
});

test('forced-pause: the isolate whose forced pauses add up to the most, natural GCs apart', () => {
  const gcs = [gc(0, true, 30), gc(1, true, 20), gc(1, true, 25), gc(0, false, 400), gc(2, true)];
  assert.deepEqual(worstForcedPause(gcs), { gcs: 2, pauseMs: 45 });
});

test('forced-pause: none forced, or none timed, is null', () => {
  assert.equal(worstForcedPause([gc(0, false, 100)]), null);
  assert.equal(worstForcedPause([gc(0, true)]), null);
  assert.equal(worstForcedPause([]), null);
});
