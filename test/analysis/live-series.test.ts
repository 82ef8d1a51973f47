import assert from 'node:assert/strict';
import { test } from 'node:test';
import { liveSeries } from '../../src/analysis/live-series.js';
import type { BoundRecord, GcRecord } from '../../src/recording/records.js';

const gc = (tMs: number, liveBytes: number, threadId = 0): GcRecord => ({
  type: 'gc',
  tMs,
  pid: 1,
  threadId,
  kind: 'full',
  forced: false,
  liveBytes,
});

test('live-series: one GC per isolate within ROUND_MS forms one total point', () => {
  const series = liveSeries([gc(0, 10), gc(5, 20, 1), gc(9, 30, 2), gc(2000, 11)]);
  assert.deepEqual(series.total.values, [60, 61]);
  assert.equal(series.points, 2);
});

test('live-series: a single heap GCing every 10 ms keeps every point', () => {
  const gcs = Array.from({ length: 100 }, (_, i) => gc(i * 10, i));
  const series = liveSeries(gcs);
  assert.equal(series.points, 100);
  assert.equal(series.lastLiveBytes, 99);
});

const bound = (tMs: number, liveBytes: number, threadId = 0): BoundRecord => ({
  type: 'bound',
  tMs,
  pid: 1,
  threadId,
  liveBytes,
  slackBytes: 1024,
});

test('live-series: bounds stand in for live points, in time order with the GCs, and are counted', () => {
  const forced: GcRecord = { ...gc(4000, 12), forced: true };
  const series = liveSeries(
    [gc(0, 10), gc(5, 20, 1), forced],
    [bound(2000, 11), bound(2003, 21, 1), bound(6000, 13)],
  );
  // Rounds: the first GCs (10 + 20), both bounds (11 + 21), the forced GC (12 + 21), a bound.
  assert.deepEqual(series.total.tMs, [5, 2003, 4000, 6000]);
  assert.deepEqual(series.total.values, [30, 32, 33, 34]);
  assert.equal(series.boundPoints, 2);
  assert.equal(series.forcedPoints, 1);
  assert.deepEqual(series.perIsolate.get(0)!.values, [10, 11, 12, 13]);
  assert.equal(series.lastLiveBytes, 34);
});

test('live-series: a bound over its slack, its pause put off, is no live point', () => {
  const series = liveSeries(
    [gc(0, 10), gc(4000, 12)],
    [{ ...bound(2000, 15), pauseDeferred: true }, bound(6000, 12)],
  );
  assert.deepEqual(series.total.tMs, [0, 4000, 6000]);
  assert.deepEqual(series.perIsolate.get(0)!.values, [10, 12, 12]);
  assert.equal(series.boundPoints, 1);
});
