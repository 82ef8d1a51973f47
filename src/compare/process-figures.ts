// One process's figures for a comparison, from its records: the growth rate of the series
// the verdict reads (the live heap when the runtime measured it, else RSS's floor) over the
// second half of the run, peak and steady RSS, and its GCs. Pure.
//
// The second half: a fix is judged by where the run ended up, not by how it started. A
// start-up ramp, or a cache filling to its cap (retention), rises early and stops; a leak
// keeps its rate to the end. The whole run's slope would count the ramp against a fix.

import { MIN_LIVE_POINTS } from '../analysis/evidence.js';
import { bucketMinima, MAX_TREND_POINTS } from '../analysis/floor.js';
import { liveSeries } from '../analysis/live-series.js';
import { sawtoothFloor } from '../analysis/sawtooth-floor.js';
import { steadyLevel, type Series } from '../analysis/series.js';
import { trend } from '../analysis/trend.js';
import type { ProcessGroup } from '../report/group-by-process.js';
import type { Verdict } from '../verdict/verdicts.js';
import type { Rate } from './rate-difference.js';

export interface ProcessFigures {
  pid: number;
  verdict: Verdict;
  // null: the series had too few points for a rate.
  live: Rate | null;
  rss: Rate | null;
  peakRssBytes: number;
  // The median RSS of the run's last third: where it settled (or had got to).
  steadyRssBytes: number;
  naturalFullGcs: number;
  forcedFullGcs: number;
  minorGcs: number;
  durationMs: number;
}

export function processFigures(pid: number, group: ProcessGroup, verdict: Verdict): ProcessFigures {
  const rssValues = group.samples.map((sample) => sample.rssBytes);
  const rssSeries = { tMs: group.samples.map((sample) => sample.tMs), values: rssValues };
  let naturalFullGcs = 0;
  let forcedFullGcs = 0;
  let minorGcs = 0;
  for (const gc of group.gcs) {
    if (gc.kind === 'minor') minorGcs += gc.count ?? 1;
    else if (gc.forced) forcedFullGcs++;
    else naturalFullGcs++;
  }
  return {
    pid,
    verdict,
    live: lateRate(liveSeries(group.gcs, group.bounds).total, MIN_LIVE_POINTS),
    rss: lateRate(sawtoothFloor(rssSeries), MIN_RSS_POINTS),
    peakRssBytes: rssValues.reduce((a, b) => Math.max(a, b), 0),
    steadyRssBytes: steadyLevel(rssValues) ?? 0,
    naturalFullGcs,
    forcedFullGcs,
    minorGcs,
    durationMs: (rssSeries.tMs[rssSeries.tMs.length - 1] ?? 0) - (rssSeries.tMs[0] ?? 0),
  };
}

// Half of the OS-level minimum: the second half of a run that had enough for a verdict.
const MIN_RSS_POINTS = 10;

// The second half, or the last minPoints points when the second half has fewer: on a busy
// machine forced GCs take longer and the pause budget spaces them out, so a 12 s run may
// have 8 live points; its last 5 still say where it ended up.
function lateRate(series: Series, minPoints: number): Rate | null {
  const floor = bucketMinima(series, MAX_TREND_POINTS);
  const from = Math.max(
    0,
    Math.min(Math.floor(floor.tMs.length / 2), floor.tMs.length - minPoints),
  );
  const found = trend({ tMs: floor.tMs.slice(from), values: floor.values.slice(from) }, minPoints);
  if (found.state !== 'ok') return null;
  const { slopeBytesPerSecond, lowerBytesPerSecond, upperBytesPerSecond } = found;
  if (![slopeBytesPerSecond, lowerBytesPerSecond, upperBytesPerSecond].every(Number.isFinite))
    return null;
  return {
    bytesPerSecond: slopeBytesPerSecond,
    lowBytesPerSecond: lowerBytesPerSecond,
    highBytesPerSecond: upperBytesPerSecond,
  };
}
