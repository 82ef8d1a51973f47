import assert from 'node:assert/strict';
import { test } from 'node:test';
import { growth } from '../../src/analysis/growth.js';
import type { Series } from '../../src/analysis/series.js';
import { drift } from '../support/make-series.js';

const MIB = 1024 * 1024;

// MB values at 1 Hz.
function seriesOf(mb: number[]): Series {
  return { tMs: mb.map((_, i) => i * 1000), values: mb.map((v) => v * 1e6) };
}

test('growth: a start-up of three ticks is set aside, so a flat program has not risen', () => {
  // The CI run that read `retention`: the level shift was measured from the median of
  // 0.7, 31.6 and 33.9 MB, the start-up itself.
  const found = growth(seriesOf([0.7, 31.6, 33.9, 34.9, ...Array<number>(27).fill(34.9)]), 5);
  assert.equal(found.state, 'ok');
  if (found.state !== 'ok') return;
  assert.equal(found.afterStartUpMs, 3000);
  assert.equal(found.rose, false, `rose ${found.shift.riseBytes} bytes`);
  assert.equal(found.rising, false);
});

test('growth: a leak after a start-up of three ticks is still rising', () => {
  const mb = [0.7, 31.6, 33.9];
  for (let i = 3; i < 31; i++) mb.push(34 + (i - 3) * 0.5);
  const found = growth(seriesOf(mb), 5);
  assert.equal(found.state, 'ok');
  if (found.state !== 'ok') return;
  assert.equal(found.rising, true);
  assert.ok(found.afterStartUpMs !== null && found.afterStartUpMs <= 4000);
  const slopeMiB = found.trend.slopeBytesPerSecond / MIB;
  assert.ok(Math.abs(slopeMiB - 0.5e6 / MIB) < 0.01, `slope ${slopeMiB} MiB/s`);
});

test('growth: a straight leak has no start-up set aside', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const found = growth(
      drift({ seed, points: 120, driftFraction: 0.3, phi: 0, noiseFraction: 0.01 }),
      5,
    );
    assert.equal(found.state, 'ok');
    if (found.state !== 'ok') continue;
    assert.equal(found.afterStartUpMs, null, `seed ${seed}`);
    assert.equal(found.rising, true, `seed ${seed}`);
  }
});
