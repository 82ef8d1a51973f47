// The terminal chart, pure: rows of blocks scaled between the lowest and highest value, live
// points on top, one marker row; a column with no sample holds the one before.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chartLines } from '../../src/cli/live-chart.js';

const MIB = 1024 * 1024;

test('chartLines: a rising RSS fills more of the later columns; markers and live points drawn', () => {
  const rss = Array.from({ length: 10 }, (_, i) => ({ tMs: i * 1000, bytes: (50 + i * 5) * MIB }));
  const lines = chartLines({
    rss,
    live: [{ tMs: 5000, bytes: 60 * MIB }],
    gcs: [
      { tMs: 2000, forced: false },
      { tMs: 5000, forced: true },
    ],
    spanMs: 10_000,
    width: 60,
    height: 4,
    color: false,
  });
  assert.equal(lines.length, 5);
  for (const line of lines) assert.ok(line.length < 60, `${line.length}: ${line}`);
  assert.match(lines[0]!, /^ +95\.0 MiB /);
  const filled = (line: string) => [...line.slice(11)].filter((c) => c !== ' ').length;
  // The top row is reached only by the last columns; the bottom row everywhere up to the
  // last sample (9 s of a 10 s span: the rest is the future, blank).
  assert.ok(filled(lines[0]!) < filled(lines[3]!));
  const columns = 60 - 11 - 2;
  assert.equal(filled(lines[3]!), Math.floor(0.9 * columns) + 1);
  assert.equal(lines.join('').split('●').length, 2);
  assert.match(lines[4]!, /^ +GCs +·[^▲]*▲/);
});

test('chartLines: nothing to draw gives no lines', () => {
  assert.deepEqual(
    chartLines({ rss: [], live: [], gcs: [], spanMs: 1, width: 80, height: 4, color: false }),
    [],
  );
});
