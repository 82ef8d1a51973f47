import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MemoryCap } from '../../src/analysis/memory-cap.js';
import { levelAt, projectCaps, type GrowthAt } from '../../src/analysis/projection.js';

const MIB = 1024 * 1024;
const cap = (
  kind: MemoryCap['kind'],
  limitMiB: number,
  extra: Partial<MemoryCap> = {},
): MemoryCap => ({
  kind,
  limitBytes: limitMiB * MIB,
  against: kind === 'v8-heap' ? 'live' : 'rss',
  name: kind,
  ...extra,
});
const rate = (levelMiB: number, slope: number, lower: number, upper: number): GrowthAt => ({
  levelBytes: levelMiB * MIB,
  slopeBytesPerSecond: slope * MIB,
  lowerBytesPerSecond: lower * MIB,
  upperBytesPerSecond: upper * MIB,
});

test('projection: headroom over the rate, the interval from the rate interval, the first cap first', () => {
  const caps = [cap('machine', 1000), cap('cgroup', 200)];
  const [first, second] = projectCaps(caps, () => rate(100, 2, 1, 4));
  assert.equal(first!.cap.kind, 'cgroup');
  assert.equal(first!.secondsToLimit, 50);
  assert.equal(first!.secondsToLimitLow, 25);
  assert.equal(first!.secondsToLimitHigh, 100);
  assert.equal(second!.cap.kind, 'machine');
  assert.equal(second!.secondsToLimit, 450);
});

test('projection: a rate interval reaching zero has no upper bound', () => {
  const [only] = projectCaps([cap('cgroup', 200)], () => rate(100, 2, -0.5, 4));
  assert.equal(only!.secondsToLimitHigh, null);
  assert.equal(only!.secondsToLimitLow, 25);
});

test('projection: nothing when not growing, already past the limit, or no series', () => {
  assert.deepEqual(
    projectCaps([cap('cgroup', 200)], () => rate(100, 0, -1, 1)),
    [],
  );
  assert.deepEqual(
    projectCaps([cap('cgroup', 50)], () => rate(100, 2, 1, 3)),
    [],
  );
  assert.deepEqual(
    projectCaps([cap('cgroup', 200)], () => null),
    [],
  );
});

test('projection: a margin puts the point in its middle and the interval across it', () => {
  // V8: the limit bites between the old generation's cap and a semi-space above it.
  const [only] = projectCaps([cap('v8-heap', 48, { marginBytes: 16 * MIB })], () =>
    rate(24, 2, 2, 2),
  );
  assert.equal(only!.secondsToLimit, (24 + 8) / 2);
  assert.equal(only!.secondsToLimitLow, 24 / 2);
  assert.equal(only!.secondsToLimitHigh, (24 + 16) / 2);
});

test('projection: an offset counts what the limit sees beyond the series (ulimit -v)', () => {
  const [only] = projectCaps(
    [cap('address-space', 1000, { against: 'vm', offsetBytes: 600 * MIB })],
    () => rate(100, 10, 10, 10),
  );
  assert.equal(only!.secondsToLimit, 30);
});

test('projection: the level is the fitted line at the instant, never below the last point', () => {
  const fit = { slopeBytesPerSecond: 1000, interceptBytes: 5000 };
  assert.equal(levelAt(fit, 10_000, 0), 15_000);
  assert.equal(levelAt(fit, 10_000, 20_000), 20_000);
});
