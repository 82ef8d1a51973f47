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
