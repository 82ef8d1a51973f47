// Everything the analysis finds about one process, from its records alone. Pure.

import type { SampleRecord } from '../recording/records.js';
import { MIN_OS_POINTS } from './evidence.js';
import { growth, type GrowthFinding } from './growth.js';
import { sawtoothFloor } from './sawtooth-floor.js';
import type { Series } from './series.js';

export interface ProcessFindings {
  pid: number;
  samples: number;
  firstMs: number;
  lastMs: number;
  peakRssBytes: number;
  lastSample: SampleRecord | undefined;
  // OS-level growth of RSS.
  rss: GrowthFinding;
}

export function analyzeProcess(pid: number, samples: readonly SampleRecord[]): ProcessFindings {
  const series: Series = { tMs: [], values: [] };
  let peakRssBytes = 0;
  for (const sample of samples) {
    series.tMs.push(sample.tMs);
    series.values.push(sample.rssBytes);
    if (sample.rssBytes > peakRssBytes) peakRssBytes = sample.rssBytes;
  }
  return {
    pid,
    samples: samples.length,
    firstMs: samples[0]?.tMs ?? 0,
    lastMs: samples[samples.length - 1]?.tMs ?? 0,
    peakRssBytes,
    lastSample: samples[samples.length - 1],
    rss: growth(sawtoothFloor(series), MIN_OS_POINTS),
  };
}
