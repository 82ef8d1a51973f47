// What another GOGC or GOMEMLIMIT would do, from one observed run: Go's pacer, replayed on
// the run's own allocation and live heap. Pure.
//
//     heap   goal = max(L + (L + S + G) × GOGC/100, 4 MiB × GOGC/100)     (Go 1.18+)
//      │      ╱│    ╱│      L: live heap marked by the last GC, S: goroutine stacks,
//      │    ╱  │  ╱  │      G: globals; a memory limit caps the goal at
//      │  ╱    │╱    │      GOMEMLIMIT − what is not heap
//      └──────────────► t   the heap grows by what the program allocates; at the goal, a GC
//                           brings it back to the live heap of that moment
//
// Source: runtime/mgcpacer.go (gcControllerState.commit: the GOGC goal, heapMinimum = 4 MiB
// × GOGC/100, the memory-limit goal), runtime/mgcscavenge.go (the scavenger keeps about 10%
// over the goal), and the GC guide (go.dev/doc/gc-guide).
//
// What a GC marks is the live data plus what the program allocated while it marked
// (allocated black): H2 − (H1 − H0) in the trace is the same ~30 MiB on the Go demo at
// GOGC 25, 100 and 400, while H2 is 33, 42 and 55 MiB. The mark's allocation grows with the
// runway, as the square root on the demo (3–8, 12 and 17–26 MiB for runways of 8, 42 and
// 220 MiB: mark assists slow the program less as the runway grows), and the pacer
// triggers at 70% of the runway at the earliest (mgcpacer.go, minTriggerRatioNum 45/64),
// so it is at most 30% of it. The square root is a fit to measurement, not Go's law.
//
// The replay: the run's cumulative allocation A(t) (each GC's heap at start less the
// marked heap before it, summed), its live data D(t) and its mark allocation M(t), all
// linear between GCs and continued at their last rate to the end of the run. On a fine grid the
// heap is L at the last GC plus what was allocated since; a GC fires at the goal. RSS is
// the heap's high-water mark, down to 10% over the goal (the scavenger), plus what is not
// heap: a constant, calibrated so that the observed setting replays to the observed steady
// RSS (and peak, and GC count). Where it is wrong: docs/tune.md.

import type { GcRecord, GoFactsRecord } from '../../recording/records.js';
import type { SettingForecast } from '../runtime-forecast.js';
import { lastThirdStart } from '../../analysis/series.js';

const HEAP_MINIMUM_BYTES = 4 * 1024 * 1024;
// runtime/mgcscavenge.go: retainExtraPercent = 10.
const SCAVENGER_RETAIN = 1.1;
// runtime/mgcpacer.go (Go 1.18–1.20): the trigger is at least 45/64 of the runway.
const MAX_MARK_SHARE = 1 - 45 / 64;
const GRID_STEPS = 4000;

export interface PacerSetting {
  // null: GOGC=off.
  gogcPercent: number | null;
  memoryLimitBytes: number | null;
}

export interface PacerObservation {
  gcs: readonly GcRecord[];
  facts: GoFactsRecord | null;
  // The run's sample times (ms), and RSS figures as tune measures them (steady: the median
  // of the last third of the samples).
  sampleMs: readonly number[];
  steadyRssBytes: number;
  peakRssBytes: number;
  units: number | null;
}

export type PacerPrediction = Omit<SettingForecast, 'setting'>;

export interface PacerModel {
  liveBytes: number;
  rootsBytes: number;
  observed: PacerSetting;
  allocatedBytes: number;
  observedGcs: number;
  // RSS the replayed heap does not explain, at the observed setting.
  nonHeapBytes: number;
  predict: (setting: PacerSetting) => PacerPrediction;
}

interface Replay {
  steadyBytes: number;
  peakBytes: number;
  gcs: number;
  // The heap goal at the end of the run; null when nothing triggers a GC.
  endGoalBytes: number | null;
}

export function pacerModel(observation: PacerObservation): PacerModel | null {
  const gcs = observation.gcs.filter((gc) => gc.liveBytes !== undefined && !gc.forced);
  const sampleMs = observation.sampleMs;
  if (gcs.length < 2 || sampleMs.length < 3) return null;
  const observed: PacerSetting = {
    gogcPercent: observation.facts?.gogcPercent ?? 100,
    memoryLimitBytes: observation.facts?.memoryLimitBytes ?? null,
  };
  const last = gcs[gcs.length - 1]!;
  const rootsBytes = (last.stacksBytes ?? 0) + (last.globalsBytes ?? 0);
  const times = gcs.map((gc) => gc.tMs);
  const alloc = allocationCurve(gcs);
  const live = curve(
    times,
    gcs.map((gc) => Math.max(0, gc.liveBytes! - markAllocation(gc))),
  );
  const marking = curve(times, gcs.map(markAllocation));
  // The runway each observed mark had: its goal less the heap the GC before it marked.
  const runways = curve(
    times,
    gcs.map((gc, i) => Math.max(1, (gc.goalBytes ?? 0) - (gcs[i - 1]?.liveBytes ?? 0))),
  );
  const startMs = sampleMs[0]!;
  const endMs = sampleMs[sampleMs.length - 1]!;
  const steadyFromMs = sampleMs[lastThirdStart(sampleMs.length)]!;
  const replay = (setting: PacerSetting, nonHeapBytes: number): Replay =>
    replayPacer({
      setting,
      alloc,
      live,
      marking,
      runways,
      rootsBytes,
      nonHeapBytes,
      startMs,
      endMs,
      steadyFromMs,
    });
  // The constant not-heap part, from the observed setting (the memory-limit goal depends
  // on it, so a limit is calibrated against the heap alone: first pass with none).
  const bare = replay(observed, 0);
  const nonHeapBytes = observation.steadyRssBytes - bare.steadyBytes;
  // What a memory limit leaves the heap is the limit less this, never more than the limit.
  const limitNonHeapBytes = Math.max(0, nonHeapBytes);
  const base = replay(observed, limitNonHeapBytes);
  const peakOffset = observation.peakRssBytes - base.peakBytes;
  const gcScale = base.gcs > 0 ? gcs.length / base.gcs : 1;
  const liveBytes = last.liveBytes!;
  const predict = (setting: PacerSetting): PacerPrediction => {
    const found = replay(setting, limitNonHeapBytes);
    const gcCount = found.gcs * gcScale;
    const limitBelowLive =
      setting.memoryLimitBytes !== null &&
      setting.memoryLimitBytes - limitNonHeapBytes <= liveBytes;
    return {
      heapGoalBytes: found.endGoalBytes,
      steadyRssBytes: found.steadyBytes + nonHeapBytes,
      // Calibrated apart, the two can cross on a flat run: a peak is never below the steady.
      peakRssBytes: Math.max(found.peakBytes + peakOffset, found.steadyBytes + nonHeapBytes),
      gcs: gcCount,
      gcsPer1000Units:
        observation.units === null || observation.units === 0
          ? null
          : (gcCount * 1000) / observation.units,
      note: limitBelowLive
        ? 'GOMEMLIMIT is below the live heap and what is not heap: the GC would run back to back (Go caps it near 50% of CPU) and RSS stays above the limit'
        : found.endGoalBytes === null
          ? 'GOGC=off without GOMEMLIMIT: no GC at all, so everything allocated stays'
          : null,
    };
  };
  return {
    liveBytes,
    rootsBytes,
    observed,
    allocatedBytes: alloc.at(endMs),
    observedGcs: gcs.length,
    nonHeapBytes,
    predict,
  };
}

// The heap goal after a GC that marked `liveBytes`; null when nothing triggers a GC.
export function goalOf(
  liveBytes: number,
  rootsBytes: number,
  setting: PacerSetting,
  nonHeapBytes: number,
): number | null {
  const gogc =
    setting.gogcPercent === null
      ? null
      : Math.max(
          liveBytes + ((liveBytes + rootsBytes) * setting.gogcPercent) / 100,
          (HEAP_MINIMUM_BYTES * setting.gogcPercent) / 100,
        );
  const limit = setting.memoryLimitBytes === null ? null : setting.memoryLimitBytes - nonHeapBytes;
  if (gogc === null) return limit;
  return limit === null ? gogc : Math.min(gogc, limit);
}

interface Curve {
  at: (tMs: number) => number;
}

// Piecewise linear through the points, continued past the last at the rate of its last
// quarter, and from zero at t = 0 before the first.
function curve(tMs: readonly number[], values: readonly number[]): Curve {
  const n = tMs.length;
  const from = Math.max(0, n - 1 - Math.max(1, Math.floor(n / 4)));
  const span = tMs[n - 1]! - tMs[from]!;
  const tailRate = span > 0 ? (values[n - 1]! - values[from]!) / span : 0;
  return {
    at(t) {
      if (t <= tMs[0]!) return tMs[0]! > 0 ? (values[0]! * Math.max(0, t)) / tMs[0]! : values[0]!;
      if (t >= tMs[n - 1]!) return values[n - 1]! + Math.max(0, tailRate) * (t - tMs[n - 1]!);
      let i = 1;
      while (tMs[i]! < t) i++;
      const dt = tMs[i]! - tMs[i - 1]!;
      const f = dt > 0 ? (t - tMs[i - 1]!) / dt : 1;
      return values[i - 1]! + f * (values[i]! - values[i - 1]!);
    },
  };
}

function allocationCurve(gcs: readonly GcRecord[]): Curve {
  const values: number[] = [];
  let total = 0;
  let liveBefore = 0;
  for (const gc of gcs) {
    total += Math.max(0, (gc.heapBeforeBytes ?? 0) - liveBefore);
    liveBefore = gc.liveBytes!;
    values.push(total);
  }
  return curve(
    gcs.map((gc) => gc.tMs),
    values,
  );
}

// H1 − H0: what the program allocated while this GC marked.
function markAllocation(gc: GcRecord): number {
  return Math.max(0, (gc.heapAfterBytes ?? 0) - (gc.heapBeforeBytes ?? 0));
}

function replayPacer(input: {
  setting: PacerSetting;
  alloc: Curve;
  live: Curve;
  marking: Curve;
  runways: Curve;
  rootsBytes: number;
  nonHeapBytes: number;
  startMs: number;
  endMs: number;
  steadyFromMs: number;
}): Replay {
  const { setting, alloc, live, marking, runways } = input;
  const { rootsBytes, nonHeapBytes, startMs, endMs, steadyFromMs } = input;
  const stepMs = (endMs - startMs) / GRID_STEPS;
  let markedBytes = 0;
  let allocAtGc = alloc.at(startMs);
  let goal = goalOf(0, rootsBytes, setting, nonHeapBytes);
  let highWater = 0;
  let gcs = 0;
  let peak = 0;
  const steady: number[] = [];
  for (let k = 0; k <= GRID_STEPS; k++) {
    const t = startMs + k * stepMs;
    let heap = markedBytes + alloc.at(t) - allocAtGc;
    if (goal !== null && heap >= goal) {
      gcs++;
      const runway = Math.max(0, goal - markedBytes);
      const markAlloc = Math.min(
        marking.at(t) * Math.sqrt(runway / runways.at(t)),
        MAX_MARK_SHARE * runway,
      );
      markedBytes = Math.min(live.at(t) + markAlloc, heap);
      allocAtGc = alloc.at(t);
      heap = markedBytes;
      goal = goalOf(markedBytes, rootsBytes, setting, nonHeapBytes);
    }
    highWater = Math.max(highWater, heap);
    // The scavenger returns what is over 10% above the goal; never below the heap itself.
    const resident =
      goal === null ? highWater : Math.max(heap, Math.min(highWater, SCAVENGER_RETAIN * goal));
    highWater = resident;
    peak = Math.max(peak, resident);
    if (t >= steadyFromMs) steady.push(resident);
  }
  steady.sort((a, b) => a - b);
  return {
    steadyBytes: steady[Math.floor(steady.length / 2)] ?? 0,
    peakBytes: peak,
    gcs,
    endGoalBytes: goal,
  };
}
