import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SitesSchedule, sitesOffWhy } from '../../src/run/sites-schedule.js';

// The instants a schedule takes profiles at, ticking every second over durationMs.
function instants(schedule: SitesSchedule, durationMs: number, pauseMs = () => 0): number[] {
  const taken: number[] = [];
  for (let tMs = 0; tMs <= durationMs; tMs += 1000) {
    if (!schedule.due(tMs, pauseMs())) continue;
    schedule.taken(tMs);
    taken.push(tMs);
  }
  return taken;
}

test('a fifth of the duration in (at most 10 s), then each time the run doubles its age', () => {
  assert.deepEqual(instants(new SitesSchedule(true, 40_000), 40_000), [8000, 16_000, 32_000]);
  assert.deepEqual(
    instants(new SitesSchedule(true, undefined), 200_000),
    [10_000, 20_000, 40_000, 80_000, 160_000],
  );
  assert.deepEqual(instants(new SitesSchedule(false, 40_000), 40_000), []);
});

test('forced pauses over the budget hold a profile back until the run catches up', () => {
  // 300 ms of forced pauses: within 2% only from 15 s on.
  assert.deepEqual(
    instants(new SitesSchedule(true, 40_000), 40_000, () => 300),
    [15_000, 30_000],
  );
});

test('the final profile only after an earlier one, and not right after it; stop ends them', () => {
  const schedule = new SitesSchedule(true, 40_000);
  assert.equal(schedule.final(40_000), false);
  schedule.taken(32_000);
  assert.equal(schedule.final(40_000), true);
  assert.equal(schedule.final(34_000), false);
  schedule.stop();
  assert.equal(schedule.final(40_000), false);
  assert.equal(schedule.due(80_000, 0), false);
});

test('--passive and --no-attribution each say why no profile is taken', () => {
  assert.match(sitesOffWhy({ passive: true }) ?? '', /^--passive/);
  assert.match(sitesOffWhy({ attribution: false }) ?? '', /^--no-attribution/);
  assert.equal(sitesOffWhy({}), null);
});
