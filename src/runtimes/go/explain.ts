// Plain-words reasons only the Go trace can give: the seed's no-gc-yet, the GOMEMLIMIT-
// bound leak, a stale H2, the goroutine stacks, the pacer's bound, and what is missing
// when the trace cannot prove anything.

import type { GrowthFinding } from '../../analysis/growth.js';
import { GO_COARSE_LIVE_BYTES, MEMORY_LIMIT_NEAR_FRACTION, type GoFindings } from './findings.js';
import { MIN_LIVE_POINTS } from '../../analysis/evidence.js';
import type { RuntimeFindings } from '../../analysis/process-findings.js';
import { startUpNote } from '../../verdict/explain-runtime.js';
import { formatBytes, formatRate, formatSeconds } from '../../format/figures.js';
import { growthFigures, slopeText, spanText, type GrowthOk } from '../../verdict/growth-text.js';
import type { Reason } from '../../verdict/reason.js';

const MIB = 1024 * 1024;

export function noGcYetReasons(go: GoFindings, rss: GrowthFinding, durationMs: number): Reason[] {
  const trigger = go.firstTriggerBytes ?? Number.NaN;
  const gogc = go.facts.gogcPercent ?? Number.NaN;
  const rose = rss.state === 'ok' ? Math.max(0, rss.shift.riseBytes) : Number.NaN;
  return [
    {
      code: 'no-gc-yet',
      text:
        `no GC ran in ${formatSeconds(durationMs)}: the trace was on (gctrace=1 in the process's own environment, ` +
        `its stderr was rssdoctor's trace file, no other Go process wrote there) and printed no GC line, so the heap ` +
        `never reached Go's first trigger of ${formatBytes(trigger)} (4 MiB × GOGC ${gogc}/100). ` +
        `RSS ${Number.isFinite(rose) && rose > 0 ? `rose ${formatBytes(rose)} because` : 'holds what it does because'} ` +
        `garbage is not collected until then; this is not a leak (golang/go#40448). ` +
        `Go's 2-minute periodic GC only starts after a first GC has completed`,
      figures: {
        gcs: 0,
        firstTriggerBytes: trigger,
        gogcPercent: gogc,
        rssRiseBytes: rose,
        durationMs,
      },
    },
    {
      code: 'no-gc-yet-fix',
      text:
        `to keep RSS down from the start, call runtime.GC() once after start-up (the periodic GC then runs every ` +
        `2 minutes), or lower GOGC (GOGC=50 → first GC at ${formatBytes(2 * MIB)}); ` +
        `debug.FreeOSMemory() also returns the freed pages to the OS`,
      figures: { firstTriggerBytes: trigger },
    },
  ];
}

export function memoryLimitReasons(go: GoFindings, found: RuntimeFindings): Reason[] {
  const limit = go.facts.memoryLimitBytes ?? Number.NaN;
  const last = found.live.lastLiveBytes ?? Number.NaN;
  return [
    {
      code: 'gomemlimit-bound',
      text:
        `the live heap ${formatBytes(last)} has reached ${(MEMORY_LIMIT_NEAR_FRACTION * 100).toFixed(0)}% of GOMEMLIMIT ${formatBytes(limit)} or more, and GCs come ` +
        `faster and faster (${go.gcRate.firstThirdPerMinute.toFixed(0)}/min in the first third of the run, ` +
        `${go.gcRate.lastThirdPerMinute.toFixed(0)}/min in the last): the limit holds RSS down by collecting harder, ` +
        `which hides a leak rather than levelling it off; the program will spend ever more CPU in GC and then exceed the limit`,
      figures: {
        liveBytes: last,
        memoryLimitBytes: limit,
        firstThirdGcsPerMinute: go.gcRate.firstThirdPerMinute,
        lastThirdGcsPerMinute: go.gcRate.lastThirdPerMinute,
        livePoints: found.live.points,
      },
    },
  ];
}

export function staleLiveReason(go: GoFindings): Reason {
  return {
    code: 'stale-live',
    text:
      `the live heap rose, but the last GC was ${formatSeconds(go.stale.ageMs)} before the end of the run: ` +
      `with no allocation, Go collects again only at its 2-minute periodic GC, so the last H2 may be far above ` +
      `what is live now and cannot support "leak"; run under steady load, or longer than 2 minutes`,
    figures: { lastLiveAgeMs: go.stale.ageMs, staleAfterMs: go.stale.thresholdMs },
  };
}

// Too few live points on a Go target: say which of the proofs or settings is the cause.
export function goTooFewReason(go: GoFindings, found: RuntimeFindings): Reason {
  const figures = {
    gcs: go.gcCount,
    livePoints: found.live.points,
    neededLivePoints: MIN_LIVE_POINTS,
  };
  if (go.gcCount === 0 && go.facts.gogcPercent === null) {
    return {
      code: 'too-few-live-points',
      text:
        go.facts.memoryLimitBytes === null
          ? 'GOGC=off and no GOMEMLIMIT: this program never collects garbage, so every allocation stays in RSS'
          : `GOGC=off: the GC runs only near GOMEMLIMIT ${formatBytes(go.facts.memoryLimitBytes)}, which this run never reached`,
      figures,
    };
  }
  if (go.gcCount === 0 && go.missingProof.length > 0) {
    return {
      code: 'too-few-live-points',
      text: `no GC line was read, but that proves nothing here: ${go.missingProof.join('; ')}`,
      figures,
    };
  }
  return {
    code: 'too-few-live-points',
    text:
      `saw ${go.gcCount} GC(s)${startUpNote(found)}, need ${MIN_LIVE_POINTS} to judge the live heap: run longer or under more load ` +
      `(rssdoctor cannot force a GC in a Go program)`,
    figures,
  };
}

// A rising H2 on a small heap that RSS does not share: whole-MiB steps, read as noise.
export function coarseRiseReason(go: GoFindings, found: RuntimeFindings): Reason {
  const live = found.liveGrowth;
  const growthBytes = live.state === 'ok' ? live.size.growthBytes : Number.NaN;
  return {
    code: 'live-rise-uncorroborated',
    text:
      `H2 rose ${formatBytes(growthBytes)}, but gctrace prints whole MiB and this heap is small ` +
      `(median under ${formatBytes(GO_COARSE_LIVE_BYTES)}), so one-MiB steps weigh too much on their own; ` +
      `RSS did not rise with it, so it is not read as a leak`,
    figures: { growthBytes, livePoints: found.live.points, coarseBelowBytes: GO_COARSE_LIVE_BYTES },
  };
}

// A goroutine leak: the stacks every GC reports keep growing.
export function goStacksReasons(go: GoFindings, found: RuntimeFindings): Reason[] {
  const stacks = go.stacks as GrowthOk;
  return [
    {
      code: 'go-stacks-rising',
      text:
        `the goroutine stacks grew ${formatBytes(stacks.size.growthBytes)} ${spanText(stacks)} (${slopeText(stacks)}; ` +
        `the stacks figure of ${stacks.points} gctrace lines) and did not level off: goroutines are started ` +
        `and never end (a goroutine leak); each keeps its stack and everything it references`,
      figures: { ...growthFigures(stacks), livePoints: found.live.points },
    },
  ];
}

// What the pacer bounds: since the last GC the heap stayed under the goal it set.
export function quietBoundReasons(go: GoFindings): Reason[] {
  const quiet = go.quiet;
  if (quiet === null) return [];
  return [
    {
      code: 'go-quiet-bound',
      text:
        `no GC in the last ${formatSeconds(quiet.quietMs)}: the heap stayed under the ${formatBytes(quiet.goalBytes)} ` +
        `goal the last GC set (live ${formatBytes(quiet.lastLiveBytes)}), so the live heap grew less than ` +
        `${formatBytes(quiet.headroomBytes)} in that time, under ${formatRate(quiet.boundBytesPerSecond)}`,
      figures: {
        quietMs: quiet.quietMs,
        goalBytes: quiet.goalBytes,
        headroomBytes: quiet.headroomBytes,
        liveBoundBytesPerSecond: quiet.boundBytesPerSecond,
      },
    },
  ];
}
