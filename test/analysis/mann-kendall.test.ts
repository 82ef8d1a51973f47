import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mannKendallHamedRao, mannKendallS } from '../../src/analysis/mann-kendall.js';
import { theilSen } from '../../src/analysis/theil-sen.js';
import { drift } from '../support/make-series.js';

test('mann-kendall: S and Var(S) of a strictly rising series', () => {
  const { s, varianceS } = mannKendallS([1, 2, 3, 4, 5]);
  assert.equal(s, 10);
  assert.ok(Math.abs(varianceS - (5 * 4 * 15) / 18) < 1e-9);
});

test('mann-kendall: ties reduce the variance', () => {
  const { s, varianceS } = mannKendallS([1, 1, 2]);
  assert.equal(s, 2);
  assert.ok(Math.abs(varianceS - (66 - 18) / 18) < 1e-9);
});

test('mann-kendall: Hamed–Rao inflates the variance of AR(1) φ=0.9 noise, not of white noise', () => {
  const red = drift({ seed: 7, points: 400, driftFraction: 0, phi: 0.9, noiseFraction: 0.02 });
  const white = drift({ seed: 7, points: 400, driftFraction: 0, phi: 0, noiseFraction: 0.02 });
  const redTest = mannKendallHamedRao(red, 0);
  const whiteTest = mannKendallHamedRao(white, 0);
  assert.ok(redTest.varianceInflation > 3, `AR(1) inflation ${redTest.varianceInflation}`);
  assert.ok(whiteTest.varianceInflation < 1.5, `white inflation ${whiteTest.varianceInflation}`);
  // Same S, larger variance: the corrected p-value is never smaller than the plain one.
  assert.ok(redTest.correctedVarianceS >= redTest.varianceS);
});

test('mann-kendall: a clear linear rise is significant, flat noise is not', () => {
  // The correction detrends with the Theil–Sen slope before measuring autocorrelation.
  const rising = drift({ seed: 3, points: 200, driftFraction: 0.3, phi: 0, noiseFraction: 0.01 });
  const flat = drift({ seed: 3, points: 200, driftFraction: 0, phi: 0, noiseFraction: 0.01 });
  assert.ok(mannKendallHamedRao(rising, theilSen(rising).slopePerMs).pValue < 1e-6);
  assert.ok(mannKendallHamedRao(flat, theilSen(flat).slopePerMs).pValue > 0.01);
});
