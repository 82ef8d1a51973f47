// A natural full GC's live point, read by the agent in a real process: a program that
// grows its live heap at a steady rate and runs full GCs of its own (rssdoctor forces
// none: --passive). The agent sees each one through its sentinel and reads it at once
// (gc-watch.cts): every point lies close to the line through them all. Looking once a
// tick for old-generation bytes that fell, the agent before saw none of these GCs (each
// promotes more young survivors than it frees), and read a GC it did see up to a tick
// late, short by up to a second of growth.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { theilSen } from '../../../../src/analysis/theil-sen.js';
import type { GcRecord } from '../../../../src/recording/records.js';
import { fixturePath } from '../../../support/paths.js';
import { runFixture } from '../../../support/run-fixture.js';

// Every 1.3 s: out of step with the 1 s tick, so a point read at a tick would be 0.1–1 s late.
const GC_MS = '1300';

test('natural points: each is within 0.3 s of growth of the line through them all', async () => {
  const run = await runFixture(
    [process.execPath, fixturePath('self-gc.mjs'), '2000', GC_MS],
    ['--passive', '--duration', '10', '--no-attribution'],
    { intervalSeconds: '1' },
  );
  const natural = readFileSync(run.recordingPath, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string })
    .filter((record): record is GcRecord => record.type === 'gc')
    .filter((gc) => gc.kind === 'full' && !gc.forced && gc.liveBytes !== undefined);
  assert.ok(natural.length >= 5, `${natural.length} natural points`);
  const series = { tMs: natural.map((gc) => gc.tMs), values: natural.map((gc) => gc.liveBytes!) };
  const { slopePerMs, intercept } = theilSen(series);
  assert.ok(slopePerMs > 0, 'the live heap grows');
  const strayMs = natural.map(
    (gc) => Math.abs(gc.liveBytes! - intercept - slopePerMs * gc.tMs) / slopePerMs,
  );
  assert.ok(
    Math.max(...strayMs) <= 300,
    `points off their line by ${strayMs.map((ms) => ms.toFixed(0)).join(', ')} ms of growth`,
  );
});
