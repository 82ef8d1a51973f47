import assert from 'node:assert/strict';
import { test } from 'node:test';
import { growth } from '../../src/analysis/growth.js';
import { plateau } from '../../src/analysis/plateau.js';
import { drift, fromShape } from '../support/make-series.js';

const MIB = 1024 * 1024;

test('plateau: rise then flat is a plateau', () => {
  const series = fromShape('//____', { seed: 1, points: 300, unitBytes: 20 * MIB });
  const found = growth(series, 30);
  assert.equal(found.state, 'ok');
  assert.equal(found.state === 'ok' && found.plateau, true);
});

test('plateau: a linear leak is not a plateau', () => {
  const series = fromShape('//////', { seed: 1, points: 300, unitBytes: 10 * MIB });
  const found = growth(series, 30);
  assert.equal(found.state === 'ok' && found.plateau, false);
  assert.equal(found.state === 'ok' && found.rising, true);
});

test('plateau: a noisy slow leak is not called a plateau for lack of a trend at the end', () => {
  // Little growth and much noise: the last third has no significant trend, but its interval
  // is wide, so the positive plateau finding is not made.
  const series = drift({
    seed: 4,
    points: 120,
    driftFraction: 0.05,
    phi: 0.5,
    noiseFraction: 0.02,
  });
  const found = plateau(series, (0.05 * 100 * MIB) / 119);
  assert.equal(found.state === 'ok' && found.plateau, false);
});

test('plateau: too few points in the last third is insufficient, not a plateau', () => {
  const found = plateau({ tMs: [0, 1000, 2000, 3000], values: [1, 2, 3, 3] }, 1);
  assert.equal(found.state, 'insufficient');
});

test('plateau: a short warm-up in a short run is found after its knee', () => {
  // 20 samples: the last third (7 points) is too short to bound, the regime after the
  // knee (15 points) is not.
  const series = fromShape('/_______', { seed: 2, points: 20, unitBytes: 40 * MIB });
  const wholeRate = (40 * MIB) / ((series.tMs.at(-1)! - series.tMs[0]!) / 1000);
  const found = plateau(series, wholeRate);
  assert.equal(found.state, 'ok');
  if (found.state !== 'ok') return;
  assert.equal(found.window, 'after-knee');
  assert.equal(found.plateau, true);
});

test('growth: a start-up ramp then flat neither rises nor rose: the regime after it is judged', () => {
  const series = fromShape('/_______', { seed: 2, points: 20, unitBytes: 40 * MIB });
  const found = growth(series, 20);
  assert.equal(found.state, 'ok');
  if (found.state !== 'ok') return;
  assert.ok(found.afterStartUpMs !== null, 'the ramp is a start-up');
  assert.equal(found.rising, false);
  assert.equal(found.rose, false, `rose ${found.shift.riseBytes} B after the start-up`);
});

test('plateau: a start-up burst then a steady leak is no plateau after its knee', () => {
  const tMs: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < 60; i++) {
    tMs.push(i * 1000);
    // 30 MiB in 3 s, then 1 MiB/s for good.
    values.push(50 * MIB + Math.min(i, 3) * 10 * MIB + Math.max(0, i - 3) * MIB);
  }
  const found = growth({ tMs, values }, 20);
  assert.equal(found.state === 'ok' && found.plateau, false);
  assert.equal(found.state === 'ok' && found.rising, true);
});
