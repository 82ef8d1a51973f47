import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RISE_POINTS } from '../../src/run/live-rise.js';
import {
  newProbeState,
  noteAgentMessage,
  stalestMs,
  worstPauseMs,
  type ProbeState,
} from '../../src/run/probe-state.js';
import { SitesSchedule } from '../../src/run/sites-schedule.js';
import type { BoundMessage, GcMessage } from '../../src/sources/agent-protocol.cjs';

const MIB = 1024 * 1024;

function state(): ProbeState {
  return newProbeState(0, new SitesSchedule(true, undefined));
}

function gc(threadId: number, kind: 'full' | 'minor', more: Partial<GcMessage> = {}): GcMessage {
  return { t: 'gc', pid: 7, threadId, kind, forced: false, count: 1, ...more };
}

function bound(liveBytes: number, pauseDeferred?: true): BoundMessage {
  return { t: 'bound', pid: 7, threadId: 1, liveBytes, slackBytes: MIB / 2, pauseDeferred };
}

test('probe state: isolates are fresh from their start, stale until a live point, gone at exit', () => {
  const probe = state();
  noteAgentMessage(probe, { t: 'isolate', pid: 7, threadId: 1, event: 'start' }, 2_000);
  assert.equal(stalestMs(probe), 0);
  noteAgentMessage(probe, bound(10 * MIB), 5_000);
  noteAgentMessage(probe, gc(0, 'minor'), 6_000);
  // A scavenge is no live point: the main thread is still the stalest, from its start.
  assert.equal(stalestMs(probe), 0);
  noteAgentMessage(probe, gc(0, 'full'), 7_000);
  assert.equal(stalestMs(probe), 5_000);
  noteAgentMessage(probe, { t: 'isolate', pid: 7, threadId: 1, event: 'exit' }, 8_000);
  assert.equal(stalestMs(probe), 7_000);
});

test('probe state: forced pauses add up per isolate, and the worst is what the budget reads', () => {
  const probe = state();
  const forced = (threadId: number, pauseMs: number) =>
    noteAgentMessage(probe, gc(threadId, 'full', { forced: true, pauseMs, liveBytes: MIB }), 1_000);
  forced(0, 30);
  forced(1, 50);
  forced(0, 40);
  assert.equal(worstPauseMs(probe), 70);
  noteAgentMessage(probe, gc(1, 'full'), 2_000);
  assert.equal(worstPauseMs(probe), 70);
});

test('probe state: a bound that put its pause off answers the probe but is no point of the rise', () => {
  const probe = state();
  // Put-off bounds that rise by 1 MiB each, between flat ones: counted, they would be ten
  // rising points; left out, the rise test sees a flat heap.
  for (let i = 0; i < 2 * RISE_POINTS; i++) {
    noteAgentMessage(probe, bound(10 * MIB), 1_000 * (2 * i + 1));
    noteAgentMessage(probe, bound((11 + i) * MIB, true), 1_000 * (2 * i + 2));
    assert.equal(probe.liveMs.get(1), 1_000 * (2 * i + 2));
  }
  assert.equal(probe.rise.rising, false);
  // Bounds that are points do make a rise.
  for (let i = 1; i <= RISE_POINTS; i++) noteAgentMessage(probe, bound((10 + i) * MIB), 30_000 + i);
  assert.equal(probe.rise.rising, true);
  const deferredOnly = state();
  for (let i = 0; i < 2 * RISE_POINTS; i++)
    noteAgentMessage(deferredOnly, bound((10 + i) * MIB, true), 1_000 * (i + 1));
  assert.equal(deferredOnly.rise.rising, false);
  assert.equal(stalestMs(deferredOnly), 0);
  assert.equal(deferredOnly.liveMs.get(1), 1_000 * 2 * RISE_POINTS);
});
