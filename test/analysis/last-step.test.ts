import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastStep, SLOWED_FRACTION } from '../../src/analysis/last-step.js';

const MIB = 1024 * 1024;

// Live points of the bench's bounded cache (Go, 1 MiB/s filled for 24 s): the last GC came
// after the cache was full.
const cache = { tMs: [1300, 8100, 15_800, 24_500, 33_400], values: [51, 58, 66, 73, 75] };
// The 1 MiB/s leak it is told from: the last step keeps the rate.
const leak = {
  tMs: [1800, 6900, 14_400, 20_600, 30_000, 37_800],
  values: [51, 57, 64, 71, 81, 89],
};
const inMiB = (s: { tMs: number[]; values: number[] }) => ({
  tMs: s.tMs,
  values: s.values.map((v) => v * MIB),
});

test('last-step: a cache that filled before the last GC has slowed; a leak has not', () => {
  const slowed = lastStep(inMiB(cache), 1.1 * MIB, MIB);
  assert.equal(slowed?.slowed, true, JSON.stringify(slowed));
  const going = lastStep(inMiB(leak), 1.0 * MIB, MIB);
  assert.equal(going?.slowed, false, JSON.stringify(going));
});

test('last-step: the resolution is credited to the step, so a coarse flat step right after another is not slowed', () => {
  // Two GCs 1.5 s apart print the same whole MiB: 0 B could be up to 1 MiB, 670 KiB/s.
  const series = inMiB({ tMs: [0, 10_000, 11_500], values: [50, 60, 60] });
  assert.equal(lastStep(series, 1.0 * MIB, MIB)?.slowed, false);
  // Without the resolution (an exact source) the same step is slowed.
  assert.equal(lastStep(series, 1.0 * MIB, 0)?.slowed, true);
});

test('last-step: the boundary is SLOWED_FRACTION of the rate', () => {
  const rate = 1 * MIB;
  const at = (stepBytes: number) =>
    lastStep({ tMs: [0, 10_000], values: [100 * MIB, 100 * MIB + stepBytes] }, rate, 0);
  // 1% of the level (1 MiB) is credited as noise.
  const boundary = SLOWED_FRACTION * rate * 10 - 0.01 * 100 * MIB;
  assert.equal(at(boundary + 1 * MIB)?.slowed, false);
  assert.equal(at(boundary - 64 * 1024)?.slowed, true);
});

test('last-step: one point, or two at the same instant, has no step; a falling rate never slows', () => {
  assert.equal(lastStep({ tMs: [0], values: [1] }, MIB, 0), null);
  assert.equal(lastStep({ tMs: [5, 5], values: [1, 2] }, MIB, 0), null);
  assert.equal(lastStep({ tMs: [0, 1000], values: [2 * MIB, MIB] }, -MIB, 0)?.slowed, false);
});
