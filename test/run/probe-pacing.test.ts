import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PAUSE_BUDGET_FRACTION } from '../../src/analysis/forced-pause.js';
import {
  dueForProbe,
  freshForMs,
  probeEveryMs,
  PROBE_EVERY_DEFAULT_MS,
  PROBE_EVERY_MIN_MS,
} from '../../src/run/probe-pacing.js';

const idle = { lastLiveMs: 0, inFlight: false, forcedPauseMs: 0 };

test('probe-pacing: due once the last live point is about everyMs old (a tenth of slack), not before', () => {
  assert.equal(dueForProbe(idle, 8_999, 10_000), false);
  assert.equal(dueForProbe(idle, 9_000, 10_000), true);
  assert.equal(dueForProbe({ ...idle, lastLiveMs: 5_000 }, 12_000, 10_000), false);
  // A live point that landed 40 ms after last tick's request: the next tick is due.
  assert.equal(dueForProbe({ ...idle, lastLiveMs: 1_040 }, 2_000, 1_000), true);
  // The agent's "fresh" age is the due age: what rssdoctor asks for, the agent does not skip.
  assert.equal(dueForProbe(idle, freshForMs(1_000), 1_000), true);
  assert.equal(dueForProbe(idle, freshForMs(1_000) - 1, 1_000), false);
});

test('probe-pacing: never while one is in flight, never over the pause budget', () => {
  assert.equal(dueForProbe({ ...idle, inFlight: true }, 60_000, 10_000), false);
  const budgetMs = PAUSE_BUDGET_FRACTION * 60_000;
  assert.equal(dueForProbe({ ...idle, forcedPauseMs: budgetMs }, 60_000, 10_000), true);
  assert.equal(dueForProbe({ ...idle, forcedPauseMs: budgetMs + 1 }, 60_000, 10_000), false);
});

test('probe-pacing: a known duration aims at 15 live points, within the bounds', () => {
  assert.equal(probeEveryMs(undefined), PROBE_EVERY_DEFAULT_MS);
  assert.equal(probeEveryMs(30_000), 2_000);
  assert.equal(probeEveryMs(5_000), PROBE_EVERY_MIN_MS);
  assert.equal(probeEveryMs(3_600_000), PROBE_EVERY_DEFAULT_MS);
});
