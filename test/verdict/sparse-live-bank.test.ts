// The sparse live-point bank: 5–7 post-GC live points (what a Go heap that doubles between
// GCs gives in a minute) with the process's RSS, through the full runtime decision
// (analyzeProcess → judgeProcess). The exact test lets 5 strictly rising points through
// once in 120 under no trend; RSS corroboration must keep that from ever being a `leak`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  analyzeProcess,
  emptyRecordLists,
  type ProcessRecords,
} from '../../src/analysis/process-findings.js';
import type { GcRecord, SampleRecord } from '../../src/recording/records.js';
import { judgeProcess } from '../../src/verdict/process-verdict.js';
import type { Verdict } from '../../src/verdict/verdicts.js';
import { ar1, gaussian, rng } from '../support/make-series.js';
import { anonSample } from '../support/sample-record.js';

const RUNS = 200;
// Five points at random times: two close together can swap under the heap's noise, and
// five points with one pair swapped are no longer significant (P(S ≥ 8) = 4/120). About
// one run in twenty is like that; the verdict is then retention, never a false alarm.
const MIN_DETECTION = 0.9;
const MIB = 1024 * 1024;

interface Scenario {
  name: string;
  leaking: boolean;
  // For a leaking scenario: is ≥ 90% detection required (default) or only reported?
  required?: boolean;
  // Never inconclusive: the live points are flat, so a flat RSS bounds the growth.
  boundExpected?: boolean;
  // Live heap and RSS at second t of a run of `spanS` seconds.
  liveAt: (t: number, spanS: number) => number;
  rssAt: (t: number, spanS: number, live: number) => number;
  // When the GCs come, in seconds; default: uniformly over the run.
  gcTimes?: (count: number, spanS: number, random: () => number) => number[];
}

// A Go program building its 50 MiB working set: four GCs in its first second (4, 8, 16,
// 32 MiB), then few.
const startUpTimes = (count: number, spanS: number, random: () => number): number[] => [
  0.1,
  0.2,
  0.4,
  0.8,
  ...Array.from({ length: count - 4 }, () => 1 + random() * (spanS - 1)).sort((a, b) => a - b),
];
const startUpHeap = (t: number): number =>
  t < 1 ? 4 * MIB * 2 ** Math.min(3, Math.round(Math.log2(t / 0.1))) : 50 * MIB;

// …then GCs about evenly spaced, each within ±20% of its slot: the last one falls in the
// final fifth of the run.
const startUpThenSpaced = (count: number, spanS: number, random: () => number): number[] => {
  const slotS = (spanS - 1) / (count - 4);
  return [
    0.1,
    0.2,
    0.4,
    0.8,
    ...Array.from({ length: count - 4 }, (_, i) => 1 + slotS * (i + 0.8 + 0.2 * random())),
  ];
};

const SCENARIOS: Scenario[] = [
  {
    name: 'flat heap, flat RSS',
    leaking: false,
    boundExpected: true,
    liveAt: () => 50 * MIB,
    rssAt: () => 120 * MIB,
  },
  {
    name: 'warm-up: heap and RSS ramp for 20% of the run, then hold',
    leaking: false,
    liveAt: (t, spanS) => 20 * MIB + 30 * MIB * Math.min(1, t / (0.2 * spanS)),
    rssAt: (t, spanS) => 60 * MIB + 60 * MIB * Math.min(1, t / (0.2 * spanS)),
  },
  {
    // RSS creeps all run long as garbage fills the heap up to its goal: corroboration that
    // must not turn the start-up ramp into a leak.
    name: 'Go start-up ramp, then a flat heap; RSS creeping to the goal',
    leaking: false,
    liveAt: startUpHeap,
    rssAt: (t) => 60 * MIB + Math.min(t, 1) * 40 * MIB + t * 0.8 * MIB,
    gcTimes: startUpTimes,
  },
  {
    // Reported, not required: after the start-up only 3–5 points remain, and the exact test
    // needs 5 strictly rising ones.
    name: 'Go start-up ramp, then a leak of 1 MiB/s',
    leaking: true,
    required: false,
    liveAt: (t) => startUpHeap(t) + (t < 1 ? 0 : (t - 1) * MIB),
    rssAt: (_t, _s, live) => 20 * MIB + 2 * live,
    gcTimes: startUpTimes,
  },
  {
    // The bench's bounded cache: filled at 1 MiB/s for 60% of the run, then held, with a
    // GC or two after it filled: the last step is slower than the fill (last-step.ts), and
    // RSS rose with the heap.
    name: 'Go bounded cache: start-up, filled for 60% of the run, then held',
    leaking: false,
    liveAt: (t, spanS) => startUpHeap(t) + (t < 1 ? 0 : Math.min(t - 1, 0.6 * spanS) * MIB),
    rssAt: (_t, _s, live) => 20 * MIB + 2 * live,
    gcTimes: startUpThenSpaced,
  },
  {
    name: 'leak 1 MiB/s, RSS rising with it',
    leaking: true,
    liveAt: (t) => 50 * MIB + t * MIB,
    rssAt: (_t, _s, live) => 20 * MIB + 2 * live,
  },
];

function records(scenario: Scenario, seed: number): ProcessRecords {
  const random = rng(seed);
  const heapNoise = gaussian(random);
  const rssNoise = ar1(random, 0.9, 1 * MIB);
  const spanS = 40 + Math.floor(random() * 21);
  const livePoints = 5 + Math.floor(random() * 3);
  const samples: SampleRecord[] = [];
  for (let t = 0; t <= spanS; t++) {
    samples.push(
      anonSample(t * 1000, scenario.rssAt(t, spanS, scenario.liveAt(t, spanS)) + rssNoise()),
    );
  }
  const times =
    scenario.gcTimes?.(livePoints + 2, spanS, random) ??
    Array.from({ length: livePoints }, () => random() * spanS).sort((a, b) => a - b);
  const gcs: GcRecord[] = times.map((t) => ({
    type: 'gc',
    tMs: t * 1000,
    pid: 1,
    kind: 'full',
    forced: false,
    liveBytes: scenario.liveAt(t, spanS) + heapNoise() * 0.5 * MIB,
  }));
  return { ...emptyRecordLists(), pid: 1, runtime: 'node', workers: 0, samples, gcs };
}

test('sparse live bank: no false leak from 5–7 live points; a corroborated leak is found', (t) => {
  const failures: string[] = [];
  for (const [index, scenario] of SCENARIOS.entries()) {
    const counts = new Map<Verdict, number>();
    for (let run = 0; run < RUNS; run++) {
      const { verdict } = judgeProcess(analyzeProcess(records(scenario, index * 10_000 + run + 1)));
      counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
    }
    const leaks = counts.get('leak') ?? 0;
    const spread = [...counts].map(([verdict, count]) => `${verdict} ${count}`).join(', ');
    const line = `${scenario.leaking ? 'detection ' : 'false leak'} ${scenario.name}: ${leaks}/${RUNS} (${spread})`;
    t.diagnostic(line);
    console.log(`  sparse bank: ${line}`);
    if (!scenario.leaking && leaks > 0) failures.push(line);
    if (scenario.leaking && scenario.required !== false && leaks < MIN_DETECTION * RUNS) {
      failures.push(line);
    }
    // A flat heap with a flat RSS always gets its bound, never "inconclusive". (Where the
    // live points rise, a start-up or a warm-up caught with few points after it, too few
    // points may honestly leave the question open: reported, not required.)
    if (scenario.boundExpected === true && (counts.get('inconclusive') ?? 0) > 0) {
      failures.push(line);
    }
  }
  assert.deepEqual(failures, []);
});
