import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mannKendallHamedRao } from '../../src/analysis/mann-kendall.js';
import { MAX_EXACT_PAIRS, theilSen } from '../../src/analysis/theil-sen.js';
import { drift } from '../support/make-series.js';

const withVariance = (series: { tMs: number[]; values: number[] }) =>
  theilSen(series, (slope) => mannKendallHamedRao(series, slope).correctedVarianceS);

test('theil-sen: the exact slope of a line, in bytes per ms', () => {
  const tMs = [0, 1000, 2000, 3000, 4000];
  const result = theilSen({ tMs, values: tMs.map((t) => 500 + 2 * t) });
  assert.equal(result.slopePerMs, 2);
  assert.equal(result.sampled, false);
});

test('theil-sen: one wild outlier does not move the slope', () => {
  const tMs = Array.from({ length: 21 }, (_, i) => i * 1000);
  const values = tMs.map((t) => 1e6 + t);
  values[10] = 9e9;
  assert.ok(Math.abs(theilSen({ tMs, values }).slopePerMs - 1) < 1e-9);
});

test('theil-sen: the 95% interval contains the true slope and excludes zero on a clear rise', () => {
  // 30% of 100 MiB over 299 s.
  const series = drift({
    seed: 11,
    points: 300,
    driftFraction: 0.3,
    phi: 0.5,
    noiseFraction: 0.01,
  });
  const trueSlopePerMs = (0.3 * 100 * 1024 * 1024) / 299_000;
  const result = withVariance(series);
  assert.ok(result.lowerPerMs < trueSlopePerMs && trueSlopePerMs < result.upperPerMs);
  assert.ok(result.lowerPerMs > 0);
});

test('theil-sen: beyond MAX_EXACT_PAIRS pairs it samples, deterministically and close to exact', () => {
  const series = drift({
    seed: 5,
    points: 1500,
    driftFraction: 0.2,
    phi: 0.5,
    noiseFraction: 0.01,
  });
  assert.ok((1500 * 1499) / 2 > MAX_EXACT_PAIRS);
  const first = withVariance(series);
  const second = withVariance(series);
  assert.equal(first.sampled, true);
  assert.equal(first.slopePerMs, second.slopePerMs);
  const trueSlopePerMs = (0.2 * 100 * 1024 * 1024) / 1_499_000;
  assert.ok(Math.abs(first.slopePerMs - trueSlopePerMs) / trueSlopePerMs < 0.05);
});

test('theil-sen: all points at one time give NaN, not a crash', () => {
  const result = theilSen({ tMs: [5, 5, 5], values: [1, 2, 3] });
  assert.ok(Number.isNaN(result.slopePerMs));
});
