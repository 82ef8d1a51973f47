import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sawtoothFloor } from '../../src/analysis/sawtooth-floor.js';
import { drift, sawtooth } from '../support/make-series.js';

const MIB = 1024 * 1024;

test('sawtooth floor: the ramps vanish and a flat floor stays flat', () => {
  const series = sawtooth({
    seed: 2,
    points: 300,
    periodPoints: 30,
    amplitudeBytes: 40 * MIB,
    driftFraction: 0,
  });
  const floor = sawtoothFloor(series);
  const tail = floor.values.slice(30);
  const spread = Math.max(...tail) - Math.min(...tail);
  assert.ok(spread < 2 * MIB, `floor spread ${spread / MIB} MiB`);
});

test('sawtooth floor: a drifting floor still drifts', () => {
  const series = sawtooth({
    seed: 2,
    points: 300,
    periodPoints: 30,
    amplitudeBytes: 40 * MIB,
    driftFraction: 0.3,
  });
  const floor = sawtoothFloor(series);
  const rise = floor.values[floor.values.length - 1]! - floor.values[30]!;
  assert.ok(rise > 20 * MIB, `floor rose ${rise / MIB} MiB`);
});

test('sawtooth floor: a series without drops is returned unchanged', () => {
  const series = drift({
    seed: 2,
    points: 300,
    driftFraction: 0.2,
    phi: 0.9,
    noiseFraction: 0.005,
  });
  assert.equal(sawtoothFloor(series), series);
});
