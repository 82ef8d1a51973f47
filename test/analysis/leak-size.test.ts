import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LEAK_MIN_BYTES, leakSize } from '../../src/analysis/leak-size.js';

const MIB = 1024 * 1024;
const line = (points: number, baseBytes: number, perSecond: number) => {
  const tMs = Array.from({ length: points }, (_, i) => i * 1000);
  return { tMs, values: tMs.map((t) => baseBytes + (perSecond * t) / 1000) };
};

test('leak size: growth over max(1 MiB, 2% of the median) with a positive lower bound is big', () => {
  const series = line(101, 100 * MIB, 0.05 * MIB); // 5 MiB over 100 s, 5% of the level
  const found = leakSize(series, 0.05 * MIB, 0.04 * MIB);
  assert.equal(found.big, true);
  assert.ok(Math.abs(found.growthBytes - 5 * MIB) < 1);
});

test('leak size: a 1% creep on a large heap is not big', () => {
  const series = line(101, 500 * MIB, 0.05 * MIB); // 5 MiB on 500 MiB = 1%
  assert.equal(leakSize(series, 0.05 * MIB, 0.04 * MIB).big, false);
});

test('leak size: under 1 MiB is never big, whatever the ratio', () => {
  const series = line(101, 10 * MIB, 0.009 * MIB);
  const found = leakSize(series, 0.009 * MIB, 0.008 * MIB);
  assert.equal(found.thresholdBytes, LEAK_MIN_BYTES);
  assert.equal(found.big, false);
});

test('leak size: an interval reaching zero is not big', () => {
  const series = line(101, 100 * MIB, 0.05 * MIB);
  assert.equal(leakSize(series, 0.05 * MIB, -0.01 * MIB).big, false);
});
