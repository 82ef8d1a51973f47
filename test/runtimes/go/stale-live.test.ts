import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STALE_AFTER_MS, staleLive } from '../../../src/runtimes/go/stale-live.js';

test('stale-live: a burst of GCs then 20 s of none is stale', () => {
  const burst = [200, 400, 700, 1000, 1500, 2100, 2900, 3800, 5000];
  const found = staleLive(burst, 25_000);
  assert.equal(found.stale, true);
  assert.equal(found.ageMs, 20_000);
  assert.equal(found.thresholdMs, STALE_AFTER_MS);
});

test('stale-live: GCs until the end are not stale; neither is a slow but regular GC rhythm', () => {
  const regular = Array.from({ length: 20 }, (_, i) => i * 1000);
  assert.equal(staleLive(regular, 19_500).stale, false);
  // A GC a minute: 2 minutes since the last is within 3× the usual gap.
  const slow = [0, 60_000, 120_000, 180_000];
  const found = staleLive(slow, 300_000);
  assert.equal(found.thresholdMs, 180_000);
  assert.equal(found.stale, false);
  assert.equal(staleLive(slow, 400_000).stale, true);
});

test('stale-live: no live point is not stale (nothing to vouch for)', () => {
  assert.equal(staleLive([], 60_000).stale, false);
});
