// What the Go trace proves about one process, beyond its live series. Pure.
//
// no-gc-yet (the seed case, golang/go#40448) needs positive proof that the trace was on
// and was this process's alone, and no GC in the whole run. Go runs its first GC when the
// heap reaches GO_FIRST_TRIGGER_BYTES × GOGC/100, so no GC line from a traced process
// means its heap never reached that: the RSS it gained is garbage not collected yet.

import type { GcRecord, GoFactsRecord, ScavRecord } from '../../recording/records.js';
import { MIN_LIVE_POINTS } from '../../analysis/evidence.js';
import { gcRate, type GcRateFinding } from '../../analysis/gc-rate.js';
import { growth, type GrowthFinding } from '../../analysis/growth.js';
import { quietBound, type QuietBound } from './quiet-bound.js';
import { median } from '../../analysis/series.js';
import { staleLive, type StaleFinding } from './stale-live.js';
import type { OwnFindings, RuntimeProofs } from '../runtime-evidence.js';

// runtime.heapminimum: 4 MiB at GOGC=100, scaled by GOGC/100 (runtime/mgcpacer.go).
export const GO_FIRST_TRIGGER_BYTES = 4 * 1024 * 1024;
// gctrace prints whole MiB (truncated). Below this median live heap a 1 MiB step is over
// 6% of it: H2 alone is too coarse, and a leak must also show in RSS.
export const GO_COARSE_LIVE_BYTES = 16 * 1024 * 1024;
// gctrace prints bytes >> 20: a difference of two live points is off by up to 1 MiB.
export const GCTRACE_RESOLUTION_BYTES = 1024 * 1024;
// "H2 within 10% of GOMEMLIMIT" (DESIGN, GOMEMLIMIT-bound leak).
export const MEMORY_LIMIT_NEAR_FRACTION = 0.9;

export interface GoFindings {
  facts: GoFactsRecord;
  gcCount: number;
  userGcs: number;
  periodicGcs: number;
  // Every proof DESIGN asks for held, and the run saw no GC.
  noGcProven: boolean;
  missingProof: string[];
  // null: GOGC=off, there is no first trigger.
  firstTriggerBytes: number | null;
  coarseLive: boolean;
  stale: StaleFinding;
  gcRate: GcRateFinding;
  memoryLimitBound: boolean;
  lastGoalBytes: number | null;
  scavengedBytes: number;
  // The goroutine stacks at each GC (Go 1.18+): a goroutine leak grows them faster than
  // the heap. Insufficient before 1.18, which prints no stacks.
  stacks: GrowthFinding;
  // Since the last GC the heap stayed under that GC's goal: the bound on live growth.
  quiet: QuietBound | null;
}

export function goFindings(
  facts: GoFactsRecord,
  gcs: readonly GcRecord[],
  scavs: readonly ScavRecord[],
  span: { startMs: number; endMs: number },
): GoFindings {
  const live = gcs.filter((gc) => gc.liveBytes !== undefined);
  const missingProof: string[] = [];
  if (!facts.gctraceInEnviron) missingProof.push('gctrace=1 is not in its /proc/PID/environ');
  if (!facts.stderrIsTraceFile)
    missingProof.push('its stderr is not the trace file rssdoctor reads');
  if (!facts.traceExclusive) missingProof.push('another Go process writes into the same trace');
  const firstTriggerBytes =
    facts.gogcPercent === null ? null : (GO_FIRST_TRIGGER_BYTES * facts.gogcPercent) / 100;
  const medianLive = median(live.map((gc) => gc.liveBytes!));
  const rate = gcRate(
    live.map((gc) => gc.tMs),
    span.startMs,
    span.endMs,
  );
  const lastLive = live[live.length - 1]?.liveBytes;
  const lastGoal = [...gcs].reverse().find((gc) => gc.goalBytes !== undefined)?.goalBytes;
  return {
    facts,
    gcCount: gcs.length,
    userGcs: gcs.filter((gc) => gc.cause === 'user').length,
    periodicGcs: gcs.filter((gc) => gc.cause === 'periodic').length,
    noGcProven: missingProof.length === 0 && gcs.length === 0,
    missingProof,
    firstTriggerBytes,
    coarseLive: live.length > 0 && medianLive < GO_COARSE_LIVE_BYTES,
    stale: staleLive(
      live.map((gc) => gc.tMs),
      span.endMs,
    ),
    gcRate: rate,
    memoryLimitBound:
      facts.memoryLimitBytes !== null &&
      lastLive !== undefined &&
      lastLive >= MEMORY_LIMIT_NEAR_FRACTION * facts.memoryLimitBytes &&
      rate.rising,
    lastGoalBytes: lastGoal ?? null,
    scavengedBytes: scavs.reduce((sum, scav) => sum + scav.releasedBytes, 0),
    stacks: growth(stacksSeries(live), MIN_LIVE_POINTS),
    quiet: quietBound(live, span.endMs, facts.gogcPercent),
  };
}

function stacksSeries(live: readonly GcRecord[]): { tMs: number[]; values: number[] } {
  const withStacks = live.filter((gc) => gc.stacksBytes !== undefined);
  return { tMs: withStacks.map((gc) => gc.tMs), values: withStacks.map((gc) => gc.stacksBytes!) };
}

// The proofs the verdict reads, and the findings the Go explanations quote.
export function goOwnFindings(
  facts: GoFactsRecord | null,
  gcs: readonly GcRecord[],
  scavs: readonly ScavRecord[],
  span: { startMs: number; endMs: number },
): OwnFindings<GoFindings> | null {
  if (facts === null) return null;
  const go = goFindings(facts, gcs, scavs, span);
  return { proofs: goProofs(go), detail: go };
}

function goProofs(go: GoFindings): RuntimeProofs {
  const stacks = go.stacks.state === 'ok' ? go.stacks : null;
  return {
    noGcProven: go.noGcProven,
    heapBelowFirstTrigger: go.gcCount === 0 && go.firstTriggerBytes !== null,
    coarseLive: go.coarseLive,
    liveStale: go.stale.stale,
    memLimitBound: go.memoryLimitBound,
    stacksRising: stacks?.rising ?? false,
    stacksGrowing: stacks !== null && stacks.rising && !stacks.plateau,
    stacksPValue: stacks?.trend.pValue ?? null,
  };
}
