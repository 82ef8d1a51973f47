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
  // Rounds: the first GCs (10 + 20), both bounds (11 + 21), the forced GC (12 + 21), a bound;
  // each at the mean time of its points.
  assert.deepEqual(series.total.tMs, [2.5, 2001.5, 4000, 6000]);
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

test("live-series: one probe's points are one round however long it took", () => {
  const probe = (record: BoundRecord, id: number): BoundRecord => ({ ...record, probe: id });
  const start = [gc(0, 10), gc(5, 20, 1), gc(9, 30, 2)];
  const forced: GcRecord = { ...gc(11_200, 31, 2), forced: true, probe: 7 };
  // Probe 7 bounds thread 1 at 10.3 s, forces thread 2 at 11.2 s, bounds the main thread at
  // 12.6 s: one round.
  const series = liveSeries(
    [...start, forced],
    [probe(bound(10_300, 21, 1), 7), probe(bound(12_600, 11), 7)],
  );
  // At the mean time of each round's points: its total sums values read over the probe.
  assert.deepEqual(series.total.tMs, [14 / 3, 34_100 / 3]);
  assert.deepEqual(series.total.values, [60, 63]);
  // Without its number, by time, it is a staircase of partial sums.
  const byTime = liveSeries(
    [...start, { ...forced, probe: undefined }],
    [bound(10_300, 21, 1), bound(12_600, 11)],
  );
  assert.deepEqual(byTime.total.values, [60, 61, 62, 63]);
  // A natural GC of another isolate within it is a point of its own, after which the
  // probe's points go on as one round.
  const natural = liveSeries(
    [...start, gc(10_900, 40, 3), forced],
    [probe(bound(10_300, 21, 1), 7), probe(bound(12_600, 11), 7)],
  );
  assert.deepEqual(natural.total.tMs, [14 / 3, 10_300, 34_700 / 3]);
  assert.deepEqual(natural.total.values, [60, 61, 103]);
});
