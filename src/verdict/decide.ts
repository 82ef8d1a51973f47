// The one place a verdict is decided. Facts come from the analysis; rules are tried in
// order and the first that applies wins. Data problems come first, then the runtime-
// specific proofs, then live-heap evidence, then OS-level evidence.
// Tested as a truth table in test/verdict/decide.test.ts.

import type { Verdict } from './verdicts.js';

export interface DecisionFacts {
  // Enough OS-level samples (MIN_OS_POINTS) for any verdict.
  osEnough: boolean;
  // 'none': no runtime source; 'too-few': a source, but fewer than MIN_LIVE_POINTS.
  liveSource: 'none' | 'too-few' | 'ok';
  liveRising: boolean;
  // Whatever live points there are trend upwards (significantly), a start-up included:
  // then a flat RSS bounds nothing yet (a Go heap's RSS is a staircase).
  liveTrendUp: boolean;
  livePlateau: boolean;
  // False only when the live figures cannot stand alone (Go's whole-MiB H2 on a small heap,
  // or fewer than CORROBORATE_BELOW_LIVE_POINTS points) and RSS does not rise with them.
  liveCorroborated: boolean;
  // The last live figure is older than STALE_AFTER: it cannot support `leak`.
  liveStale: boolean;
  // Go: H2 within 10% of GOMEMLIMIT with GCs per minute rising.
  memLimitBound: boolean;
  // Go: the goroutine stacks keep growing (a goroutine leak), not levelled off.
  stacksGrowing: boolean;
  // RSS − heap − LazyFree.
  nativeRising: boolean;
  nativePlateau: boolean;
  rssRising: boolean;
  // RSS ended above where it started, beyond its noise.
  rssRose: boolean;
  rssPlateau: boolean;
  // The last third of RSS still rises (its slope is above zero).
  rssPersists: boolean;
  // RSS is far above what is live: the held-for-reuse evidence for `retention`.
  rssFarAboveLive: boolean;
  // Positive proof that the GC trace was on for this target, and it shows no GC.
  noGcProven: boolean;
  heapBelowFirstTrigger: boolean;
}

export type RuleCode =
  | 'too-few-samples'
  | 'no-gc-yet'
  | 'sparse-live-rss-flat'
  | 'sparse-live-rss-levelled'
  | 'too-few-live-points'
  | 'gomemlimit-bound'
  | 'live-heap-rising'
  | 'go-stacks-rising'
  | 'stale-live-retention'
  | 'stale-live-rss-flat'
  | 'stale-live'
  | 'native-rising'
  | 'rss-above-live'
  | 'live-rise-uncorroborated'
  | 'live-flat'
  | 'os-rising'
  | 'os-rise-then-plateau'
  | 'os-rise-unsettled'
  | 'os-flat';

export interface Decision {
  verdict: Verdict;
  rule: RuleCode;
}

type Rule = (facts: DecisionFacts) => Decision | undefined;

// RSS neither rose nor rises: the whole process is bounded, whatever the runtime saw.
const rssFlat = (f: DecisionFacts): boolean => !f.rssRising && !f.rssRose;
// RSS rose and then positively levelled off.
const rssLevelled = (f: DecisionFacts): boolean => (f.rssRising || f.rssRose) && f.rssPlateau;

const RULES: readonly Rule[] = [
  (f) => (!f.osEnough ? { verdict: 'inconclusive', rule: 'too-few-samples' } : undefined),
  // Only where the first GC trigger is known. V8 documents none, so Node never gets here.
  (f) =>
    f.noGcProven && f.heapBelowFirstTrigger
      ? { verdict: 'no-gc-yet', rule: 'no-gc-yet' }
      : undefined,
  // Too few live points to judge the heap, but a flat or levelled RSS bounds the process's
  // growth: say so with the bound rather than "inconclusive" (a quiet Go service GCs twice
  // a minute). A rising RSS is what a heap with too few points cannot explain.
  (f) =>
    f.liveSource === 'too-few' && !f.liveTrendUp && rssFlat(f)
      ? { verdict: 'steady', rule: 'sparse-live-rss-flat' }
      : undefined,
  (f) =>
    f.liveSource === 'too-few' && !f.liveTrendUp && rssLevelled(f)
      ? { verdict: 'retention', rule: 'sparse-live-rss-levelled' }
      : undefined,
  (f) =>
    f.liveSource === 'too-few'
      ? { verdict: 'inconclusive', rule: 'too-few-live-points' }
      : undefined,
  (f) =>
    f.liveSource === 'ok' && f.memLimitBound
      ? { verdict: 'leak', rule: 'gomemlimit-bound' }
      : undefined,
  (f) =>
    f.liveSource === 'ok' && f.liveRising && !f.livePlateau && !f.liveStale && f.liveCorroborated
      ? { verdict: 'leak', rule: 'live-heap-rising' }
      : undefined,
  (f) =>
    f.liveSource === 'ok' && f.stacksGrowing && !f.liveStale
      ? { verdict: 'leak', rule: 'go-stacks-rising' }
      : undefined,
  (f) =>
    f.liveSource === 'ok' && f.liveRising && !f.livePlateau && f.liveStale
      ? f.rssFarAboveLive || rssLevelled(f)
        ? { verdict: 'retention', rule: 'stale-live-retention' }
        : rssFlat(f)
          ? { verdict: 'steady', rule: 'stale-live-rss-flat' }
          : { verdict: 'inconclusive', rule: 'stale-live' }
      : undefined,
  (f) =>
    f.liveSource === 'ok' && f.nativeRising && !f.nativePlateau
      ? { verdict: 'native-leak', rule: 'native-rising' }
      : undefined,
  (f) =>
    f.liveSource === 'ok' && f.rssFarAboveLive
      ? { verdict: 'retention', rule: 'rss-above-live' }
      : undefined,
  (f) =>
    f.liveSource === 'ok' && f.liveRising && !f.livePlateau && !f.liveCorroborated
      ? { verdict: 'steady', rule: 'live-rise-uncorroborated' }
      : undefined,
  (f) => (f.liveSource === 'ok' ? { verdict: 'steady', rule: 'live-flat' } : undefined),
  // OS-level only: no runtime source to say what is live.
  (f) =>
    f.rssRising && !f.rssPlateau && f.rssPersists
      ? { verdict: 'leak', rule: 'os-rising' }
      : undefined,
  (f) =>
    (f.rssRising || f.rssRose) && f.rssPlateau
      ? { verdict: 'retention', rule: 'os-rise-then-plateau' }
      : undefined,
  // Higher than at the start, but neither still rising at the end nor levelled off.
  (f) =>
    f.rssRose || f.rssRising ? { verdict: 'inconclusive', rule: 'os-rise-unsettled' } : undefined,
];

export function decide(facts: DecisionFacts): Decision {
  for (const rule of RULES) {
    const decision = rule(facts);
    if (decision !== undefined) return decision;
  }
  return { verdict: 'steady', rule: 'os-flat' };
}
