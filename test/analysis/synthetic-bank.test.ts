// The synthetic-series bank: seeded non-leaking and leaking shapes through the full
// OS-level decision (analyze). Prints the false-leak rate on non-leaking shapes and the
// detection rate on leaking ones; 0 false leaks in 200 per non-leaking shape is required.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/analyze.js';
import type { Verdict } from '../../src/verdict/verdicts.js';
import { ar1, drift, rng, sawtooth, stepThenFlat, type SeriesOut } from '../support/make-series.js';

const RUNS = 200;
const MIB = 1024 * 1024;

interface Shape {
  name: string;
  leaking: boolean;
  // Required detection rate for leaking shapes; null: reported, not required.
  minDetection: number | null;
  make: (seed: number, pick: () => number) => SeriesOut;
}

const between = (pick: () => number, low: number, high: number): number =>
  low + (high - low) * pick();
const points = (pick: () => number): number => Math.round(between(pick, 120, 900));

// A GC sawtooth of random period and amplitude; `driftFraction` is drawn last so that each
// shape draws its random figures in the same order.
const gcSawtooth = (seed: number, pick: () => number, driftFraction: () => number) =>
  sawtooth({
    seed,
    points: points(pick),
    periodPoints: Math.round(between(pick, 10, 60)),
    amplitudeBytes: between(pick, 0.2, 0.5) * 100 * MIB,
    driftFraction: driftFraction(),
  });

// A warm-up: RSS ramps for `rampPoints` samples, then holds with AR(1) φ = 0.9 noise.
function warmUp(seed: number, points: number, rampPoints: number, riseBytes: number): SeriesOut {
  const noise = ar1(rng(seed), 0.9, 0.01 * 100 * MIB);
  const tMs: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < points; i++) {
    tMs.push(i * 1000);
    values.push(100 * MIB + (Math.min(i, rampPoints) / rampPoints) * riseBytes + noise());
  }
  return { tMs, values };
}

const SHAPES: Shape[] = [
  {
    name: 'sawtooth, no drift',
    leaking: false,
    minDetection: null,
    make: (seed, pick) => gcSawtooth(seed, pick, () => 0),
  },
  {
    name: 'step up then flat',
    leaking: false,
    minDetection: null,
    make: (seed, pick) =>
      stepThenFlat({
        seed,
        points: points(pick),
        stepFraction: between(pick, 0.1, 0.5),
        stepAt: between(pick, 0.15, 0.5),
        noiseFraction: 0.005,
      }),
  },
  {
    name: 'warm-up ramp (5–30% of the run) then flat',
    leaking: false,
    minDetection: null,
    make: (seed, pick) => {
      const n = Math.round(between(pick, 20, 300));
      const rampPoints = Math.max(2, Math.round(between(pick, 0.05, 0.3) * n));
      return warmUp(seed, n, rampPoints, between(pick, 0.1, 1) * 100 * MIB);
    },
  },
  {
    name: 'AR(1) noise, phi 0.9',
    leaking: false,
    minDetection: null,
    make: (seed, pick) =>
      drift({ seed, points: points(pick), driftFraction: 0, phi: 0.9, noiseFraction: 0.02 }),
  },
  {
    name: 'white noise, flat',
    leaking: false,
    minDetection: null,
    make: (seed, pick) =>
      drift({ seed, points: points(pick), driftFraction: 0, phi: 0, noiseFraction: 0.01 }),
  },
  {
    name: 'sawtooth with drift 20–50%',
    leaking: true,
    minDetection: 0.95,
    make: (seed, pick) => gcSawtooth(seed, pick, () => between(pick, 0.2, 0.5)),
  },
  {
    name: 'linear 10–30%, AR(1) 0.9 noise',
    leaking: true,
    minDetection: 0.95,
    make: (seed, pick) =>
      drift({
        seed,
        points: points(pick),
        driftFraction: between(pick, 0.1, 0.3),
        phi: 0.9,
        noiseFraction: 0.01,
      }),
  },
  {
    name: 'slow drift 2% (the leak-size boundary)',
    leaking: true,
    minDetection: null,
    make: (seed, pick) =>
      drift({ seed, points: points(pick), driftFraction: 0.02, phi: 0.9, noiseFraction: 0.002 }),
  },
];

test('synthetic bank: false leaks on non-leaking shapes, detection on leaking shapes', (t) => {
  const lines: string[] = [];
  const failures: string[] = [];
  for (const [index, shape] of SHAPES.entries()) {
    const pick = rng(1000 + index);
    const counts = new Map<Verdict, number>();
    for (let run = 0; run < RUNS; run++) {
      const series = shape.make(index * 10_000 + run + 1, pick);
      const { verdict } = analyze({ tMs: series.tMs, rssBytes: series.values });
      counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
    }
    const leaks = counts.get('leak') ?? 0;
    const spread = [...counts].map(([verdict, count]) => `${verdict} ${count}`).join(', ');
    if (shape.leaking) {
      lines.push(`detection  ${shape.name}: ${leaks}/${RUNS} (${spread})`);
      if (shape.minDetection !== null && leaks / RUNS < shape.minDetection) {
        failures.push(
          `${shape.name}: detected ${leaks}/${RUNS}, need ≥ ${shape.minDetection * 100}%`,
        );
      }
    } else {
      lines.push(`false leak ${shape.name}: ${leaks}/${RUNS} (${spread})`);
      if (leaks > 0) failures.push(`${shape.name}: ${leaks}/${RUNS} false leaks, need 0`);
    }
  }
  for (const line of lines) t.diagnostic(line);
  console.log(lines.map((line) => `  bank: ${line}`).join('\n'));
  assert.deepEqual(failures, []);
});
