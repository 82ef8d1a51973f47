// Plain-words reasons for verdicts backed by a runtime source (the Node agent, the Go
// trace), in the runtime's own words (each runtime module's words).

import { CORROBORATE_BELOW_LIVE_POINTS, MIN_LIVE_POINTS } from '../analysis/evidence.js';
import { PAUSE_BUDGET_FRACTION } from '../analysis/forced-pause.js';
import { SLOWED_FRACTION } from '../analysis/last-step.js';
import type { RuntimeFindings } from '../analysis/process-findings.js';
import { formatBytes, formatRate, formatSeconds } from '../format/figures.js';
import { growthFigures, slopeText, spanText, type GrowthOk } from './growth-text.js';
import type { Reason } from './reason.js';
import { runtimeModule } from '../runtimes/registry.js';
import type { RuntimeWords } from '../runtimes/runtime-module.js';
import { REMEDIES } from './remedy.js';

function words(found: RuntimeFindings): RuntimeWords {
  return runtimeModule(found.runtime)!.words;
}

function pointsText(found: RuntimeFindings): string {
  const own = runtimeModule(found.runtime)!.explain?.pointsText?.(found);
  const { points, forcedPoints, boundPoints } = found.live;
  const bound =
    boundPoints === 0 ? '' : `, ${boundPoints} bounded by a flat heap instead of a full GC`;
  return (
    own ?? `${points} live points, ${forcedPoints} of them from GCs forced by rssdoctor${bound}`
  );
}

// When a start-up ramp was set aside, the live points that count are those after it.
export function startUpNote(found: RuntimeFindings): string {
  const live = found.liveGrowth;
  if (live.state !== 'ok' || live.afterStartUpMs === null) return '';
  return (
    ` (${live.regimePoints} after its start-up ended at ${formatSeconds(live.afterStartUpMs)}; ` +
    `the GCs before it ran while the working set was built, and do not count)`
  );
}

// Forced pauses that used half the budget or more held the probes back: a forced GC of
// the warm-up fixture's 38 MB took 80–180 ms here, and a 30 s run of it had 5–9 live
// points, fewer in CI. Said, with the pace it allowed, so that "run longer" has its reason.
const PACED_SHARE = 0.5;

export function pacedNote(found: RuntimeFindings, durationMs: number): string {
  const pause = found.live.forcedPause;
  if (pause === null || pause.pauseMs < PACED_SHARE * PAUSE_BUDGET_FRACTION * durationMs) return '';
  const eachMs = pause.pauseMs / pause.gcs;
  return (
    `; each GC rssdoctor forced paused the program ${eachMs.toFixed(0)} ms (${pause.gcs} in ` +
    `all), and it keeps those pauses under ${PAUSE_BUDGET_FRACTION * 100}% of the program's ` +
    `time, so one every ${formatSeconds(eachMs / PAUSE_BUDGET_FRACTION)} at that cost`
  );
}

export function tooFewLivePointsReason(found: RuntimeFindings, durationMs: number): Reason {
  return {
    code: 'too-few-live-points',
    text:
      `saw ${found.live.points} full GC(s)${startUpNote(found)}, need ${MIN_LIVE_POINTS} to ` +
      `judge the live heap${pacedNote(found, durationMs)}: ${REMEDIES.longerForLivePoints.cli}`,
    figures: { livePoints: found.live.points, neededLivePoints: MIN_LIVE_POINTS },
  };
}

export function liveRisingReasons(found: RuntimeFindings, live: GrowthOk): Reason[] {
  const reasons: Reason[] = [
    {
      code: 'live-heap-rising',
      text:
        `${words(found).live} grew ` +
        `${formatBytes(live.size.growthBytes)} ${spanText(live)} (${slopeText(live)}; ${pointsText(found)}) and did not level off`,
      figures: {
        ...growthFigures(live),
        livePoints: found.live.points,
        forcedGcs: found.live.forcedPoints,
        boundPoints: found.live.boundPoints,
      },
    },
  ];
  // With one heap (Go, the JVM, Python, Node without workers) there is nothing to tell apart.
  const rising = found.live.perIsolate.size > 1 ? risingIsolates(found) : [];
  const name = (threadId: number): string =>
    threadId === 0 ? 'the main thread' : `worker thread ${threadId}`;
  if (rising.length === 1) {
    const only = rising[0]!;
    reasons.push({
      code: 'leaking-isolate',
      text: `${name(only.threadId)} holds the growth: its own live heap grows ${formatRate(only.slope)}; the other isolates are flat`,
      figures: { threadId: only.threadId, slopeBytesPerSecond: only.slope },
    });
  } else if (rising.length > 1) {
    reasons.push({
      code: 'leaking-isolates',
      text: `the growth is spread over ${rising.length} isolates: ${rising.map((r) => `${name(r.threadId)} ${formatRate(r.slope)}`).join(', ')}`,
      figures: { isolates: rising.length },
    });
  }
  return reasons;
}

// The isolates whose own live series rise, fastest first.
function risingIsolates(found: RuntimeFindings): { threadId: number; slope: number }[] {
  const out: { threadId: number; slope: number }[] = [];
  for (const { threadId, growth } of found.isolateGrowth) {
    if (growth.state === 'ok' && growth.rising)
      out.push({ threadId, slope: growth.trend.slopeBytesPerSecond });
  }
  return out.sort((a, b) => b.slope - a.slope);
}

export function nativeRisingReasons(found: RuntimeFindings, native: GrowthOk): Reason[] {
  return [
    {
      code: 'native-rising',
      text:
        `off-heap memory (${words(found).nativeFormula}) grew ` +
        `${formatBytes(native.size.growthBytes)} (${slopeText(native)}) while live data stayed flat ` +
        `at ${formatBytes(found.live.lastLiveBytes ?? Number.NaN)}: ${words(found).nativeCauses}`,
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
        `not growing: the memory is held for reuse (${words(found).heldFor}), not leaked`,
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

// A figure below the source's resolution is "under" it, not nothing (Go's H2 of 0 MiB).
function liveText(found: RuntimeFindings): string {
  const bytes = found.live.lastLiveBytes ?? Number.NaN;
  const module = runtimeModule(found.runtime)!;
  return bytes < module.liveResolutionBytes
    ? `under ${formatBytes(module.liveResolutionBytes)} (${module.words.resolution ?? 'its resolution'})`
    : formatBytes(bytes);
}

export function liveFlatReasons(found: RuntimeFindings): Reason[] {
  const held = found.held;
  const isolates =
    words(found).baseline + (found.workers > 0 ? ` and ${found.workers} worker thread(s)` : '');
  const beyondBytes = held === null ? 0 : Math.max(0, held.anonBytes - held.liveBytes);
  const split =
    held === null
      ? ''
      : held.heldBytes > 0
        ? `the runtime's own baseline (~${formatBytes(held.baselineBytes)} for ${isolates}) and ${formatBytes(held.heldBytes)} held for reuse`
        : `within the runtime's own baseline (~${formatBytes(held.baselineBytes)} for ${isolates})`;
  const where =
    held === null
      ? ''
      : `: anonymous RSS ${formatBytes(held.anonBytes)} is live data ${formatBytes(held.liveBytes)} plus ` +
        `${formatBytes(beyondBytes)}, ${split}; the rest of RSS is file-backed (${words(found).fileBacked})`;
  return [
    {
      code: 'live-flat',
      text:
        `live data is flat at ${liveText(found)} (${pointsText(found)}), so RSS ` +
        `stays where the program needs it${where}`,
      figures: {
        liveBytes: found.live.lastLiveBytes ?? Number.NaN,
        livePoints: found.live.points,
        boundPoints: found.live.boundPoints,
        heldBytes: held?.heldBytes ?? Number.NaN,
        baselineBytes: held?.baselineBytes ?? Number.NaN,
        anonBytes: held?.anonBytes ?? Number.NaN,
      },
    },
  ];
}

// A rise seen in only a handful of live points that RSS does not share.
export function sparseRiseReason(found: RuntimeFindings): Reason {
  const live = found.liveGrowth;
  const growthBytes = live.state === 'ok' ? live.size.growthBytes : Number.NaN;
  const points = live.state === 'ok' ? live.regimePoints : found.live.points;
  const step = found.liveLastStep;
  const why =
    step?.slowed === true
      ? `its last step was ${formatBytes(step.stepBytes)} in ${formatSeconds(step.stepMs)} ` +
        `(at most ${formatRate(step.upperBytesPerSecond)}, under ${SLOWED_FRACTION * 100}% of its ` +
        `${formatRate(live.state === 'ok' ? live.trend.slopeBytesPerSecond : Number.NaN)}): the growth slowed`
      : 'RSS did not rise with it';
  return {
    code: 'live-rise-uncorroborated',
    text:
      `${words(found).live} rose ${formatBytes(growthBytes)} over only ${points} live points${live.state === 'ok' && live.afterStartUpMs !== null ? ' after its start-up' : ''}, ` +
      `fewer than the ${CORROBORATE_BELOW_LIVE_POINTS} that stand alone, and ${why}: ` +
      `not read as a leak; a longer run gives more GCs`,
    figures: {
      growthBytes,
      livePoints: points,
      corroborateBelowLivePoints: CORROBORATE_BELOW_LIVE_POINTS,
      lastStepBytes: step?.stepBytes ?? Number.NaN,
      lastStepMs: step?.stepMs ?? Number.NaN,
    },
  };
}
