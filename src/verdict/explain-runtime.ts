// Plain-words reasons for verdicts backed by a runtime source (the Node agent today).

import { MIN_LIVE_POINTS } from '../analysis/evidence.js';
import type { GrowthFinding } from '../analysis/growth.js';
import type { RuntimeFindings } from '../analysis/process-findings.js';
import { formatBytes, formatP, formatRate } from './format-figures.js';
import type { Reason } from './reason.js';

type GrowthOk = Extract<GrowthFinding, { state: 'ok' }>;

function growthFigures(found: GrowthOk): Record<string, number> {
  return {
    slopeBytesPerSecond: found.trend.slopeBytesPerSecond,
    slopeLowerBytesPerSecond: found.trend.lowerBytesPerSecond,
    slopeUpperBytesPerSecond: found.trend.upperBytesPerSecond,
    growthBytes: found.size.growthBytes,
    pValue: found.trend.pValue,
    points: found.points,
  };
}

function slopeText(found: GrowthOk): string {
  return (
    `Theil–Sen ${formatRate(found.trend.slopeBytesPerSecond)}, 95% interval ` +
    `${formatRate(found.trend.lowerBytesPerSecond)} to ${formatRate(found.trend.upperBytesPerSecond)}, ` +
    `Mann–Kendall p=${formatP(found.trend.pValue)}`
  );
}

function pointsText(found: RuntimeFindings): string {
  return `${found.live.points} live points, ${found.live.forcedPoints} of them from GCs forced by rssdoctor`;
}

export function tooFewLivePointsReason(found: RuntimeFindings): Reason {
  return {
    code: 'too-few-live-points',
    text:
      `saw ${found.live.points} full GC(s), need ${MIN_LIVE_POINTS} to judge the live heap: run longer ` +
      `(e.g. --duration 60), and without --passive so rssdoctor can force them`,
    figures: { livePoints: found.live.points, neededLivePoints: MIN_LIVE_POINTS },
  };
}

export function liveRisingReasons(found: RuntimeFindings, live: GrowthOk): Reason[] {
  const reasons: Reason[] = [
    {
      code: 'live-heap-rising',
      text:
        `live data (what survives a full GC: JS heap plus the Buffers it keeps) grew ` +
        `${formatBytes(live.size.growthBytes)} over the run (${slopeText(live)}; ${pointsText(found)}) and did not level off`,
      figures: {
        ...growthFigures(live),
        livePoints: found.live.points,
        forcedGcs: found.live.forcedPoints,
      },
    },
  ];
  const culprit = leakingIsolate(found);
  if (culprit !== null) {
    const where = culprit.threadId === 0 ? 'the main thread' : `worker thread ${culprit.threadId}`;
    reasons.push({
      code: 'leaking-isolate',
      text: `${where} holds the growth: its own live heap grows ${formatRate(culprit.slope)}`,
      figures: { threadId: culprit.threadId, slopeBytesPerSecond: culprit.slope },
    });
  }
  return reasons;
}

// The isolate whose own live series rises fastest, if any rises at all.
function leakingIsolate(found: RuntimeFindings): { threadId: number; slope: number } | null {
  let best: { threadId: number; slope: number } | null = null;
  for (const { threadId, growth } of found.isolateGrowth) {
    if (growth.state !== 'ok' || !growth.rising) continue;
    const slope = growth.trend.slopeBytesPerSecond;
    if (best === null || slope > best.slope) best = { threadId, slope };
  }
  return best;
}

export function nativeRisingReasons(found: RuntimeFindings, native: GrowthOk): Reason[] {
  return [
    {
      code: 'native-rising',
      text:
        `memory outside the JS heap (RssAnon − V8 heap − external − LazyFree) grew ` +
        `${formatBytes(native.size.growthBytes)} (${slopeText(native)}) while live data stayed flat ` +
        `at ${formatBytes(found.live.lastLiveBytes ?? Number.NaN)}: native allocations (addons, FFI, C libraries) are not freed`,
      figures: { ...growthFigures(native), liveBytes: found.live.lastLiveBytes ?? Number.NaN },
    },
  ];
}

export function retentionReasons(found: RuntimeFindings): Reason[] {
  const held = found.held!;
  return [
    {
      code: 'rss-above-live',
      text:
        `RssAnon ${formatBytes(held.anonBytes)} is ${formatBytes(held.heldBytes)} above live data ` +
        `${formatBytes(held.liveBytes)} plus the runtime baseline ${formatBytes(held.baselineBytes)}, and live data is ` +
        `not growing: the memory is held for reuse (V8 free pages and young generation, glibc free lists), not leaked`,
      figures: {
        anonBytes: held.anonBytes,
        heldBytes: held.heldBytes,
        liveBytes: held.liveBytes,
        baselineBytes: held.baselineBytes,
        livePoints: found.live.points,
      },
    },
  ];
}

export function liveFlatReasons(found: RuntimeFindings): Reason[] {
  const held = found.held;
  return [
    {
      code: 'live-flat',
      text:
        `live data is flat at ${formatBytes(found.live.lastLiveBytes ?? Number.NaN)} (${pointsText(found)}) and RSS is ` +
        `close to live data plus the runtime baseline${held === null ? '' : ` (${formatBytes(held.heldBytes)} held beyond it)`}`,
      figures: {
        liveBytes: found.live.lastLiveBytes ?? Number.NaN,
        livePoints: found.live.points,
        heldBytes: held?.heldBytes ?? Number.NaN,
      },
    },
  ];
}
