import assert from 'node:assert/strict';
import { test } from 'node:test';
import { earlyKnee, firstKnee, lastKnee } from '../../src/analysis/changepoint.js';
import type { Series } from '../../src/analysis/series.js';
import { drift, gaussian, rng } from '../support/make-series.js';

const MIB = 1024 * 1024;

// `rampPoints` rising by `riseBytes` in all, then flat, with white noise; 1 Hz.
function rampThenFlat(points: number, rampPoints: number, riseBytes: number, seed: number): Series {
  const noise = gaussian(rng(seed));
  const tMs: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < points; i++) {
    tMs.push(i * 1000);
    const level = Math.min(i, rampPoints) / rampPoints;
    values.push(100 * MIB + level * riseBytes + noise() * 0.2 * MIB);
  }
  return { tMs, values };
}

test('changepoint: a warm-up ramp that stops has its knee where the ramp ends', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const knee = lastKnee(rampThenFlat(60, 12, 50 * MIB, seed));
    assert.ok(knee !== null, `seed ${seed}: no knee`);
    assert.ok(Math.abs(knee.index - 12) <= 2, `seed ${seed}: knee at ${knee.index}`);
    assert.ok(knee.gain > 0.9, `seed ${seed}: gain ${knee.gain}`);
  }
});

test('changepoint: a straight leak under noise has no knee', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const series = drift({ seed, points: 120, driftFraction: 0.3, phi: 0, noiseFraction: 0.01 });
    assert.equal(lastKnee(series), null, `seed ${seed}`);
  }
});

test('changepoint: flat then a ramp puts the last regime on the ramp', () => {
  const flatThenRamp: Series = { tMs: [], values: [] };
  for (let i = 0; i < 60; i++) {
    flatThenRamp.tMs.push(i * 1000);
    flatThenRamp.values.push(100 * MIB + Math.max(0, i - 30) * MIB);
  }
  const knee = lastKnee(flatThenRamp);
  assert.ok(knee !== null);
  assert.ok(Math.abs(knee.index - 30) <= 1, `knee at ${knee.index}`);
});

test('changepoint: a handful of live points, rising then flat, still shows the knee', () => {
  const values = [10, 20, 30, 40, 41, 40, 41, 40].map((v) => v * MIB);
  const knee = lastKnee({ tMs: values.map((_, i) => i * 7000), values });
  assert.ok(knee !== null);
  assert.equal(knee.index, 4);
});

test('changepoint: earlyKnee finds a start-up of three ticks that firstKnee cannot', () => {
  // The RSS of a flat Python program in one CI run, in MB: the exec'd image, the
  // interpreter and its heap, then flat for 27 ticks.
  const mb = [0.7, 31.6, 33.9, 34.9, ...Array<number>(27).fill(34.9)];
  const series = { tMs: mb.map((_, i) => i * 1000), values: mb.map((v) => v * 1e6) };
  assert.equal(firstKnee(series), null);
  const knee = earlyKnee(series, 7);
  assert.ok(knee !== null);
  assert.ok(knee.index >= 3 && knee.index <= 4, `knee at ${knee.index}`);
  // Never later than asked, never with fewer than three points before it.
  assert.equal(earlyKnee(series, 2), null);
});

test('changepoint: earlyKnee finds nothing in a straight leak under noise', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const series = drift({ seed, points: 120, driftFraction: 0.3, phi: 0, noiseFraction: 0.01 });
    assert.equal(earlyKnee(series, 30), null, `seed ${seed}`);
  }
});
