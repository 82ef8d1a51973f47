// Seeded synthetic memory series for the statistics tests. Each generator returns
// { tMs, values } at 1 Hz; the same seed always gives the same series.

import { xorshift32 } from '../../src/analysis/xorshift.js';

export interface SeriesOut {
  tMs: number[];
  values: number[];
}

// Seeded as clinic-doctor's test generators are: the same seed, the same series.
export const rng = xorshift32;

// Standard normal via Box–Muller.
export function gaussian(random: () => number): () => number {
  return () => {
    const u = Math.max(random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
}

const MIB = 1024 * 1024;

export interface ShapeOptions {
  points: number;
  seed: number;
  baseBytes?: number;
}

function base(options: ShapeOptions, fn: (i: number) => number): SeriesOut {
  if (!Number.isInteger(options.points) || options.points < 2) {
    throw new RangeError(`make-series: points must be an integer ≥ 2, got ${options.points}`);
  }
  const tMs: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < options.points; i++) {
    tMs.push(i * 1000);
    values.push(Math.max(0, fn(i)));
  }
  return { tMs, values };
}

// AR(1) noise with lag-1 autocorrelation phi and stationary standard deviation sd.
export function ar1(random: () => number, phi: number, sdBytes: number): () => number {
  const normal = gaussian(random);
  const innovation = sdBytes * Math.sqrt(1 - phi * phi);
  let state = normal() * sdBytes;
  return () => (state = phi * state + innovation * normal());
}

// GC sawtooth: ramps up by `amplitude` over `period` points, drops to the floor, and the
// floor drifts by `driftFraction` of the base over the whole series.
export function sawtooth(
  options: ShapeOptions & { periodPoints: number; amplitudeBytes: number; driftFraction: number },
): SeriesOut {
  const random = rng(options.seed);
  const baseBytes = options.baseBytes ?? 100 * MIB;
  const noise = gaussian(random);
  const phase = Math.floor(random() * options.periodPoints);
  return base(options, (i) => {
    const ramp = ((i + phase) % options.periodPoints) / options.periodPoints;
    const drift = (baseBytes * options.driftFraction * i) / (options.points - 1);
    return baseBytes + drift + ramp * options.amplitudeBytes + noise() * 0.002 * baseBytes;
  });
}

// Linear drift of `driftFraction` of the base over the series, with AR(1) noise.
export function drift(
  options: ShapeOptions & { driftFraction: number; phi: number; noiseFraction: number },
): SeriesOut {
  const random = rng(options.seed);
  const baseBytes = options.baseBytes ?? 100 * MIB;
  const noise = ar1(random, options.phi, options.noiseFraction * baseBytes);
  return base(
    options,
    (i) => baseBytes + (baseBytes * options.driftFraction * i) / (options.points - 1) + noise(),
  );
}

// Step up by `stepFraction` of the base at `stepAt` (fraction of the series), then flat.
export function stepThenFlat(
  options: ShapeOptions & { stepFraction: number; stepAt: number; noiseFraction: number },
): SeriesOut {
  const random = rng(options.seed);
  const baseBytes = options.baseBytes ?? 100 * MIB;
  const noise = gaussian(random);
  const stepIndex = Math.floor(options.stepAt * options.points);
  return base(options, (i) => {
    const level = i < stepIndex ? baseBytes : baseBytes * (1 + options.stepFraction);
    return level + noise() * options.noiseFraction * baseBytes;
  });
}

// A one-line shape language for stating a scenario inline: each character is one segment
// of equal length: `_` flat, `/` rising by one unit, `\` falling by one unit.
// `'__//__'` is flat, a rise of two units, flat again.
export function fromShape(
  shape: string,
  options: ShapeOptions & { unitBytes: number; noiseFraction?: number },
): SeriesOut {
  if (!/^[_/\\]+$/.test(shape)) {
    throw new RangeError(`make-series: shape may only hold _ / \\, got "${shape}"`);
  }
  const random = rng(options.seed);
  const noise = gaussian(random);
  const baseBytes = options.baseBytes ?? 100 * MIB;
  const segment = options.points / shape.length;
  return base(options, (i) => {
    const position = i / segment;
    let level = 0;
    for (let s = 0; s < shape.length; s++) {
      const part = Math.min(1, Math.max(0, position - s));
      const step = shape[s] === '/' ? 1 : shape[s] === '\\' ? -1 : 0;
      level += step * part;
    }
    return (
      baseBytes + level * options.unitBytes + noise() * (options.noiseFraction ?? 0.002) * baseBytes
    );
  });
}
