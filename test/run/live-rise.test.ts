import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LiveRise, RISE_MIN_BYTES, RISE_POINTS } from '../../src/run/live-rise.js';

const MIB = 1024 * 1024;

test('LiveRise: five rising live points over a MiB in one isolate start attribution', () => {
  const rise = new LiveRise();
  for (let i = 0; i < RISE_POINTS; i++) {
    assert.equal(rise.rising, false);
    rise.add(3, 10 * MIB + i * 0.4 * MIB);
  }
  assert.equal(rise.rising, true);
  // It stays on: later profiles compare with the first.
  rise.add(3, 0);
  assert.equal(rise.rising, true);
});

test('LiveRise: a steady heap, a rise under a MiB, or points split over isolates do not', () => {
  const steady = new LiveRise();
  for (const mib of [10, 10.3, 9.9, 10.2, 10.1, 9.8, 10.4]) steady.add(0, mib * MIB);
  assert.equal(steady.rising, false);
  const small = new LiveRise();
  for (let i = 0; i < 8; i++) small.add(0, 10 * MIB + i * (RISE_MIN_BYTES / 10));
  assert.equal(small.rising, false);
  const split = new LiveRise();
  for (let i = 0; i < RISE_POINTS; i++) split.add(i % 2, 10 * MIB + i * MIB);
  assert.equal(split.rising, false);
});

test('LiveRise: one dip among the last five points is not a rise yet', () => {
  const rise = new LiveRise();
  for (const mib of [10, 11, 10.5, 12, 13]) rise.add(0, mib * MIB);
  assert.equal(rise.rising, false);
  rise.add(0, 14 * MIB);
  rise.add(0, 15 * MIB);
  assert.equal(rise.rising, true);
});

test('LiveRise: a warm-up (one step, then a flat heap wobbling up) is not a rise', () => {
  // The warm-up fixture's live points in MB: strictly rising, 10 MB from first to last.
  const warmUp = new LiveRise();
  for (const mb of [27.63, 37.96, 37.99, 38.0, 38.24]) warmUp.add(0, mb * 1e6);
  assert.equal(warmUp.rising, false);
  // The same step inside a steady rise of 0.4 MiB a point is one.
  const leak = new LiveRise();
  for (const mib of [10, 15, 15.4, 15.8, 16.2]) leak.add(0, mib * MIB);
  assert.equal(leak.rising, true);
});
