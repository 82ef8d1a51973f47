// Per setting: each figure's median and range over the repeats; then the best setting for
// memory (lowest median steady RSS), the best for CPU (lowest median CPU per 1,000 units,
// or per run), and the settings no other beats on both (the Pareto front). Pure.

import { median } from '../analysis/series.js';
import type { RunFigures } from './figures.js';
import type { Setting } from './vary.js';

export interface Spread {
  median: number | null;
  min: number | null;
  max: number | null;
}

export interface SettingSummary {
  setting: Setting;
  runs: RunFigures[];
  peakRssBytes: Spread;
  steadyRssBytes: Spread;
  cpuMs: Spread;
  cpuMsPer1000Units: Spread;
  gcs: Spread;
  wallMs: Spread;
  verdicts: string[];
  bestMemory: boolean;
  bestCpu: boolean;
  // No other setting has both lower steady RSS and lower CPU.
  pareto: boolean;
}

export function spread(values: readonly (number | null)[]): Spread {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return { median: null, min: null, max: null };
  return { median: median(known), min: Math.min(...known), max: Math.max(...known) };
}

export function summarize(
  results: readonly { setting: Setting; runs: RunFigures[] }[],
): SettingSummary[] {
  const out = results.map(({ setting, runs }) => ({
    setting,
    runs,
    peakRssBytes: spread(runs.map((r) => r.peakRssBytes)),
    steadyRssBytes: spread(runs.map((r) => r.steadyRssBytes)),
    cpuMs: spread(runs.map((r) => r.cpuMs)),
    cpuMsPer1000Units: spread(runs.map((r) => r.cpuMsPer1000Units)),
    gcs: spread(runs.map((r) => r.gcs)),
    wallMs: spread(runs.map((r) => r.wallMs)),
    verdicts: runs.map((r) => r.verdict),
    bestMemory: false,
    bestCpu: false,
    pareto: false,
  }));
  const memory = (s: SettingSummary): number => s.steadyRssBytes.median ?? Number.POSITIVE_INFINITY;
  const cpu = (s: SettingSummary): number =>
    s.cpuMsPer1000Units.median ?? s.cpuMs.median ?? Number.POSITIVE_INFINITY;
  const best = (key: (s: SettingSummary) => number): SettingSummary | undefined =>
    [...out].sort((a, b) => key(a) - key(b))[0];
  const bestMemory = best(memory);
  const bestCpu = best(cpu);
  if (bestMemory !== undefined) bestMemory.bestMemory = true;
  if (bestCpu !== undefined) bestCpu.bestCpu = true;
  for (const s of out) {
    s.pareto = !out.some(
      (other) =>
        other !== s &&
        memory(other) <= memory(s) &&
        cpu(other) <= cpu(s) &&
        (memory(other) < memory(s) || cpu(other) < cpu(s)),
    );
  }
  return out;
}
