import assert from 'node:assert/strict';
import { test } from 'node:test';
import { liveSeries } from '../../src/analysis/live-series.js';
import type { GcRecord } from '../../src/recording/records.js';

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
