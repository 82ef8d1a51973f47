// Report v1 `projection`: when the verdict's growth meets the first limit it grows toward
// (analysis/projection.ts), from the last sample. Only a leak is projected: a steady,
// retaining or not-yet-collected process is not approaching anything at a known rate.

import type { GrowthFinding } from '../analysis/growth.js';
import type { MemoryCap } from '../analysis/memory-cap.js';
import type { ProcessFindings } from '../analysis/process-findings.js';
import { levelAt, projectCaps, type GrowthAt } from '../analysis/projection.js';
import { formatBytes, formatDuration, formatRate } from '../format/figures.js';
import type { Verdict } from '../verdict/verdicts.js';

export interface Projection {
  limitBytes: number;
  limitKind: MemoryCap['kind'];
  limitName: string;
  // How far past limitBytes the series may go before the limit bites (V8: the young
  // generation's survivors); 0 for most limits.
  limitMarginBytes: number;
  // The series that meets it: the live heap, RSS, or the address space (VmSize).
  series: 'live' | 'rss' | 'vm';
  levelBytes: number;
  growthBytesPerSecond: number;
  growthLowBytesPerSecond: number;
  growthHighBytesPerSecond: number;
  // Milliseconds since the start of the run: the last sample, where the times count from.
  fromMs: number;
  secondsToLimit: number;
  secondsToLimitLow: number;
  // null: the growth's interval reaches zero, so no upper bound.
  secondsToLimitHigh: number | null;
  text: string;
}

export interface ProjectionInput {
  verdict: Verdict;
  findings: ProcessFindings;
  caps: readonly MemoryCap[];
}

export function projectionOf(input: ProjectionInput): Projection | null {
  const { verdict, findings } = input;
  if (verdict !== 'leak' && verdict !== 'native-leak') return null;
  const lastRss = findings.lastSample?.rssBytes;
  if (lastRss === undefined) return null;
  const atMs = findings.lastMs;
  const runtime = findings.runtimeFindings;
  const verdictGrowth =
    verdict === 'leak' ? (runtime?.liveGrowth ?? findings.rss) : runtime?.native;
  // RSS's own rate at its level; while RSS is not yet rising on its own (a heap committed
  // ahead), the leak's rate, which is what it will add, from the last RSS.
  const rssGrowth = (): GrowthAt | null => {
    const own = rateOf(findings.rss, atMs, lastRss);
    if (own !== null && findings.rss.state === 'ok' && findings.rss.trend.direction === 'up')
      return own;
    const leak = verdictGrowth === undefined ? null : rateOf(verdictGrowth, atMs, 0);
    return leak === null ? null : { ...leak, levelBytes: lastRss };
  };
  const growthOf = (cap: MemoryCap): GrowthAt | null => {
    if (cap.against === 'live') {
      const live = runtime?.live.total.values;
      if (verdict !== 'leak' || runtime === null || live === undefined || live.length === 0)
        return null;
      return rateOf(runtime.liveGrowth, atMs, live[live.length - 1]!);
    }
    // The address space grows with RSS (its unresident part is the cap's offset).
    return cap.against === null ? null : rssGrowth();
  };
  const first = projectCaps(input.caps, growthOf)[0];
  if (first === undefined) return null;
  const { cap, growth } = first;
  const series = cap.against === 'live' ? 'live' : cap.against === 'vm' ? 'vm' : 'rss';
  const high =
    first.secondsToLimitHigh === null ? 'or longer' : formatDuration(first.secondsToLimitHigh);
  return {
    limitBytes: cap.limitBytes,
    limitKind: cap.kind,
    limitName: cap.name,
    limitMarginBytes: cap.marginBytes ?? 0,
    series,
    levelBytes: growth.levelBytes,
    growthBytesPerSecond: growth.slopeBytesPerSecond,
    growthLowBytesPerSecond: growth.lowerBytesPerSecond,
    growthHighBytesPerSecond: growth.upperBytesPerSecond,
    fromMs: atMs,
    secondsToLimit: first.secondsToLimit,
    secondsToLimitLow: first.secondsToLimitLow,
    secondsToLimitHigh: first.secondsToLimitHigh,
    text:
      `at this rate ${cap.name}, ${formatBytes(cap.limitBytes)}, is reached in ` +
      `${formatDuration(first.secondsToLimit)} (${formatDuration(first.secondsToLimitLow)} – ${high}): ` +
      `${SERIES_WORDS[series]} at ${formatBytes(growth.levelBytes)} grows ${formatRate(growth.slopeBytesPerSecond)}`,
  };
}

const SERIES_WORDS = { live: 'the live heap', rss: 'RSS', vm: 'the address space' } as const;

function rateOf(found: GrowthFinding, atMs: number, lastValueBytes: number): GrowthAt | null {
  if (found.state !== 'ok') return null;
  const { trend } = found;
  return {
    levelBytes: levelAt(trend, atMs, lastValueBytes),
    slopeBytesPerSecond: trend.slopeBytesPerSecond,
    lowerBytesPerSecond: trend.lowerBytesPerSecond,
    upperBytesPerSecond: trend.upperBytesPerSecond,
  };
}
