import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunFigures } from '../../src/tune/figures.js';
import { loadUnits } from '../../src/tune/load-units.js';
import { spread, summarize } from '../../src/tune/summary.js';

const run = (steadyMiB: number, cpuPer1000: number): RunFigures => ({
  peakRssBytes: steadyMiB * 2 ** 20,
  steadyRssBytes: steadyMiB * 2 ** 20,
  cpuMs: cpuPer1000 * 10,
  gcs: 1,
  wallMs: 1000,
  units: 10_000,
  cpuMsPer1000Units: cpuPer1000,
  verdict: 'steady',
});

test('summary: median and range; even counts take the mean of the middle two', () => {
  assert.deepEqual(spread([3, 1, 2]), { median: 2, min: 1, max: 3 });
  assert.deepEqual(spread([4, 1, 2, 3]), { median: 2.5, min: 1, max: 4 });
  assert.deepEqual(spread([null, null]), { median: null, min: null, max: null });
});

test('summary: best for memory, best for CPU, and the settings no other beats on both', () => {
  const setting = (label: string) => ({ label, env: {} });
  const out = summarize([
    { setting: setting('small'), runs: [run(10, 70), run(11, 74)] },
    { setting: setting('middle'), runs: [run(50, 30), run(52, 31)] },
    { setting: setting('dominated'), runs: [run(60, 40), run(61, 41)] },
    { setting: setting('big'), runs: [run(200, 20), run(210, 22)] },
  ]);
  const marks = Object.fromEntries(
    out.map((s) => [s.setting.label, [s.bestMemory, s.bestCpu, s.pareto]]),
  );
  assert.deepEqual(marks, {
    small: [true, false, true],
    middle: [false, false, true],
    dominated: [false, false, false],
    big: [false, true, true],
  });
});

test('load-units: the last bare number or "units: N" a load command prints', () => {
  assert.equal(loadUnits('warming up\n12000\n'), 12000);
  assert.equal(loadUnits('requests sent\nunits: 500\ndone\n'), 500);
  assert.equal(loadUnits('Transfer/sec: 2.1MB\n'), null);
});
