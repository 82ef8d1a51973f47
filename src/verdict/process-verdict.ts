// Turns one process's findings into its verdict, confidence and reasons.

import {
  CORROBORATE_BELOW_LIVE_POINTS,
  MIN_LIVE_POINTS,
  MIN_OS_POINTS,
  MIN_OS_SPAN_MS,
} from '../analysis/evidence.js';
import type { ProcessFindings, RuntimeFindings } from '../analysis/process-findings.js';
import {
  flatConfidence,
  MEMORY_LIMIT_BOUND_CONFIDENCE,
  NO_GC_PROOF_CONFIDENCE,
  OS_LEVEL_CONFIDENCE_CAP,
  OS_STEADY_CONFIDENCE_MAX,
  RETENTION_CONFIDENCE,
  RUNTIME_CONFIDENCE_CAP,
  SPARSE_LEAK_CONFIDENCE_CAP,
  trendConfidence,
} from './confidence.js';
import { boundedConfidence, boundReasons } from './explain-bound.js';
import type { GrowthOk } from './growth-text.js';
import { decide, type DecisionFacts, type RuleCode } from './decide.js';
import {
  osFlatReasons,
  osPlateauReasons,
  osRisingReasons,
  osUnsettledReasons,
  tooFewSamplesReason,
} from './explain-os.js';
import {
  liveFlatReasons,
  liveRisingReasons,
  nativeRisingReasons,
  retentionReasons,
  sparseRiseReason,
  tooFewLivePointsReason,
} from './explain-runtime.js';
import type { Reason } from './reason.js';
import { runtimeModule } from '../runtimes/registry.js';
import { NO_PROOFS, type RuntimeExplain } from '../runtimes/runtime-evidence.js';
import type { Runtime, Verdict } from './verdicts.js';

export interface ProcessVerdict {
  pid: number;
  runtime: Runtime;
  verdict: Verdict;
  confidence: number;
  rule: RuleCode;
  reasons: Reason[];
}

export function judgeProcess(findings: ProcessFindings): ProcessVerdict {
  const facts = factsOf(findings);
  const { verdict, rule } = decide(facts);
  const base = { pid: findings.pid, runtime: findings.runtime, verdict, rule };
  const explained = explain(rule, findings);
  // What the runtime says with every verdict (the JVM: why its RSS is bigger than its heap).
  const own = findings.runtimeFindings?.own ?? null;
  if (own !== null && findings.rss.state === 'ok') {
    explained.reasons.push(...(explainOf(findings)?.always?.(own.detail, findings) ?? []));
  }
  return { ...base, ...explained };
}

function factsOf(findings: ProcessFindings): DecisionFacts {
  const rss = findings.rss;
  const runtime = findings.runtimeFindings;
  const live = runtime?.liveGrowth;
  const native = runtime?.native;
  const proofs = runtime?.own?.proofs ?? NO_PROOFS;
  return {
    osEnough: rss.state === 'ok',
    liveSource:
      runtime === null
        ? 'none'
        : live?.state === 'ok' && live.regimePoints >= MIN_LIVE_POINTS
          ? 'ok'
          : 'too-few',
    liveRising: live?.state === 'ok' && live.rising,
    liveTrendUp: live?.state === 'ok' && live.regimeUp,
    livePlateau: live?.state === 'ok' && live.plateau,
    // gctrace prints whole MiB: on a small heap a rising H2 counts only if RSS rises too,
    // and has not levelled off; so does a rise seen in only a handful of live points (the
    // exact test's 1 in 120, or a warm-up caught half-way).
    liveCorroborated:
      (!(proofs.coarseLive || sparseLive(runtime)) ||
        (rss.state === 'ok' && rss.rising && !rss.plateau)) &&
      !slowedAtEnd(runtime),
    liveStale: proofs.liveStale,
    memLimitBound: proofs.memLimitBound,
    stacksGrowing: proofs.stacksGrowing,
    nativeRising: native?.state === 'ok' && native.rising,
    nativePlateau: native?.state === 'ok' && native.plateau,
    rssRising: rss.state === 'ok' && rss.rising,
    rssRose: rss.state === 'ok' && rss.rose,
    rssPlateau: rss.state === 'ok' && rss.plateau,
    rssPersists: rss.state === 'ok' && rss.persists,
    rssFarAboveLive: runtime?.held?.farAboveLive ?? false,
    noGcProven: proofs.noGcProven,
    heapBelowFirstTrigger: proofs.heapBelowFirstTrigger,
  };
}

function sparseLive(runtime: RuntimeFindings | null): boolean {
  return runtime !== null && runtime.live.points < CORROBORATE_BELOW_LIVE_POINTS;
}

// Too few points after the start-up for the plateau test (it needs three after the growth
// stopped), and the last step fell well under the rate: a cache that filled between the
// last two GCs, not a leak that goes on. RSS cannot say otherwise for Go: its RSS is a
// staircase, flat for tens of seconds under a steady leak. A dense series has the plateau
// test, and its short last steps are noisy (the Node demo's leak once read as slowed).
function slowedAtEnd(runtime: RuntimeFindings | null): boolean {
  const live = runtime?.liveGrowth;
  return (
    live?.state === 'ok' &&
    live.regimePoints < CORROBORATE_BELOW_LIVE_POINTS &&
    (runtime?.liveLastStep?.slowed ?? false)
  );
}

function explain(
  rule: RuleCode,
  findings: ProcessFindings,
): { confidence: number; reasons: Reason[] } {
  const rss = findings.rss;
  const runtime = findings.runtimeFindings as RuntimeFindings;
  if (rss.state !== 'ok') {
    return {
      confidence: 0,
      reasons: [
        tooFewSamplesReason(findings.samples, findings.lastMs - findings.firstMs, {
          samples: MIN_OS_POINTS,
          spanMs: MIN_OS_SPAN_MS,
        }),
      ],
    };
  }
  // The runtime's own reasons; a rule that needs one applies only when its proof holds,
  // and the proof comes from the same module (see runtime-evidence.ts).
  const says = explainOf(findings) ?? {};
  const detail = runtime?.own?.detail;
  const proofs = runtime?.own?.proofs ?? NO_PROOFS;
  const durationMs = findings.lastMs - findings.firstMs;
  const tooFew = (): Reason =>
    says.tooFew?.(detail, runtime, durationMs) ?? tooFewLivePointsReason(runtime, durationMs);
  const stale = (): Reason[] => (says.stale === undefined ? [] : [says.stale(detail)]);
  const bounds = (): Reason[] => [...boundReasons(rss), ...(says.bounds?.(detail) ?? [])];
  switch (rule) {
    case 'no-gc-yet':
      return {
        confidence: NO_GC_PROOF_CONFIDENCE,
        reasons: says.noGcYet?.(detail, rss, durationMs) ?? [],
      };
    case 'sparse-live-rss-flat':
    case 'sparse-live-rss-levelled':
    case 'stale-live-rss-flat':
      return {
        confidence: boundedConfidence(rss, findings.peakRssBytes),
        // The bounds are what the verdict rests on; why the heap alone could not say, after.
        reasons: [...bounds(), ...(rule === 'stale-live-rss-flat' ? stale() : [tooFew()])],
      };
    case 'too-few-live-points':
      return { confidence: 0, reasons: [tooFew()] };
    case 'gomemlimit-bound':
      return {
        confidence: MEMORY_LIMIT_BOUND_CONFIDENCE,
        reasons: says.memoryLimit?.(detail, runtime) ?? [],
      };
    case 'stale-live':
      return { confidence: 0, reasons: stale() };
    case 'stale-live-retention':
      return {
        confidence: RETENTION_CONFIDENCE,
        reasons: [
          ...(runtime.held?.farAboveLive === true ? retentionReasons(runtime) : []),
          ...stale(),
          ...bounds(),
        ],
      };
    case 'go-stacks-rising':
      return {
        confidence: trendConfidence(proofs.stacksPValue ?? 1, SPARSE_LEAK_CONFIDENCE_CAP),
        reasons: says.stacks?.(detail, runtime) ?? [],
      };
    case 'live-heap-rising': {
      const live = runtime.liveGrowth as GrowthOk;
      // A handful of live points stands only with RSS behind it: below a full trend's cap.
      const cap = sparseLive(runtime) ? SPARSE_LEAK_CONFIDENCE_CAP : RUNTIME_CONFIDENCE_CAP;
      return {
        confidence: trendConfidence(live.trend.pValue, cap),
        reasons: [
          ...liveRisingReasons(runtime, live),
          ...(proofs.stacksRising ? (says.stacks?.(detail, runtime) ?? []) : []),
        ],
      };
    }
    case 'native-rising': {
      const native = runtime.native as Extract<typeof runtime.native, { state: 'ok' }>;
      return {
        confidence: trendConfidence(native.trend.pValue, RUNTIME_CONFIDENCE_CAP),
        reasons: nativeRisingReasons(runtime, native),
      };
    }
    case 'rss-above-live':
      return { confidence: RETENTION_CONFIDENCE, reasons: retentionReasons(runtime) };
    case 'live-rise-uncorroborated':
      return {
        confidence: OS_STEADY_CONFIDENCE_MAX,
        reasons: [
          (proofs.coarseLive ? says.coarseRise?.(detail, runtime) : undefined) ??
            sparseRiseReason(runtime),
        ],
      };
    case 'live-flat':
      return {
        confidence: flatConfidence(runtime.live.points, MIN_LIVE_POINTS, RUNTIME_CONFIDENCE_CAP),
        reasons: liveFlatReasons(runtime),
      };
    case 'os-rising':
      return {
        confidence: trendConfidence(rss.trend.pValue, OS_LEVEL_CONFIDENCE_CAP),
        reasons: osRisingReasons(rss),
      };
    case 'os-rise-then-plateau':
      return { confidence: OS_LEVEL_CONFIDENCE_CAP, reasons: osPlateauReasons(rss) };
    case 'os-rise-unsettled':
      return { confidence: 0, reasons: osUnsettledReasons(rss) };
    default:
      return {
        confidence: flatConfidence(rss.points, MIN_OS_POINTS, OS_STEADY_CONFIDENCE_MAX),
        reasons: osFlatReasons(rss),
      };
  }
}

function explainOf(findings: ProcessFindings): RuntimeExplain<unknown> | undefined {
  return runtimeModule(findings.runtime)?.explain;
}
