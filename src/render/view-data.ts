// What the HTML report plots, from the recording and its Report: the process the verdict
// is about, its memory over time (anon, file, shmem: stacked), its live points with the
// Theil–Sen line and interval the analysis drew, and the GC and probe markers. Long series
// are downsampled with LTTB (the same instants for every part, chosen on RSS), so a day
// at 1 Hz stays a small file that draws fast.

import { MIN_LIVE_POINTS } from '../analysis/evidence.js';
import { growth } from '../analysis/growth.js';
import { liveSeries as liveSeriesOf } from '../analysis/live-series.js';
import { median } from '../analysis/series.js';
import type { Recording } from '../recording/reader.js';
import { groupByProcess } from '../report/group-by-process.js';
import { beforeRelease } from '../report/before-release.js';
import { lttbIndices } from './lttb.js';
import type { Report } from '../report/report.js';

// Points per plotted series: more than a screen is wide, far fewer than a day of samples.
export const DISPLAY_POINTS = 2000;

export interface ViewData {
  // When the run started (Unix seconds): the page draws wall-clock time from it.
  startSeconds: number;
  // Seconds since the run started.
  // `liveHeap`: the last live point at or before each instant (0 before the first), capped
  // at anon; the rest of anon is anon − liveHeap.
  memory: {
    t: number[];
    rss: number[];
    anon: number[];
    file: number[];
    shmem: number[];
    liveHeap: number[];
  };
  samples: number;
  live: { t: number[]; bytes: number[]; forced: boolean[] };
  // The live trend the verdict read (bytes = intercept + slope × t), or null.
  fit: {
    slopeBytesPerSecond: number;
    lowerBytesPerSecond: number;
    upperBytesPerSecond: number;
    interceptBytes: number;
    pivotSeconds: number;
  } | null;
  markers: { t: number; kind: 'gc' | 'forced-gc' | 'probe'; label: string }[];
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

export function viewData(recording: Recording, report: Report): ViewData {
  const startSeconds = round(Date.parse(recording.header.startedAt) / 1000, 3);
  const empty: ViewData = {
    startSeconds,
    memory: { t: [], rss: [], anon: [], file: [], shmem: [], liveHeap: [] },
    samples: 0,
    live: { t: [], bytes: [], forced: [] },
    fit: null,
    markers: [],
  };
  if (report.pid === null) return empty;
  const group = groupByProcess(recording.records).get(report.pid);
  if (group === undefined || group.samples.length === 0) return empty;
  const { samples } = group;
  const t = samples.map((s) => s.tMs / 1000);
  const keep = lttbIndices(
    t,
    samples.map((s) => s.rssBytes),
    DISPLAY_POINTS,
  );
  // The live series and its growth as process-findings.ts computes them (only these: the
  // whole analysis again would double the time to write a day's report).
  // Only the GCs from before a release probe: its forced GC is the probe's, not the
  // program's, and the verdict does not read it either (report/before-release.ts).
  const judgedRecords = beforeRelease(recording.records);
  const judged =
    judgedRecords === recording.records
      ? group
      : (groupByProcess(judgedRecords).get(report.pid) ?? group);
  const liveSeries = liveSeriesOf(judged.gcs, judged.bounds).total;
  const liveAt = stepLookup(liveSeries.tMs, liveSeries.values);
  const pick = (value: (i: number) => number): number[] => keep.map(value);
  const memory = {
    t: pick((i) => round(t[i]!, 2)),
    rss: pick((i) => samples[i]!.rssBytes),
    anon: pick((i) => samples[i]!.rssAnonBytes),
    file: pick((i) => samples[i]!.rssFileBytes),
    shmem: pick((i) => samples[i]!.rssShmemBytes),
    liveHeap: pick((i) => Math.min(samples[i]!.rssAnonBytes, liveAt(samples[i]!.tMs))),
  };

  const forcedAt = new Set(
    group.gcs.filter((gc) => gc.forced && gc.liveBytes !== undefined).map((gc) => gc.tMs),
  );
  const liveKeep = lttbIndices(liveSeries.tMs, liveSeries.values, DISPLAY_POINTS);
  const live = {
    t: liveKeep.map((i) => round(liveSeries.tMs[i]! / 1000, 2)),
    bytes: liveKeep.map((i) => liveSeries.values[i]!),
    forced: liveKeep.map((i) => forcedAt.has(liveSeries.tMs[i]!)),
  };
  const liveGrowth = growth(liveSeries, MIN_LIVE_POINTS);
  const fit =
    liveGrowth.state === 'ok'
      ? {
          slopeBytesPerSecond: liveGrowth.trend.slopeBytesPerSecond,
          lowerBytesPerSecond: liveGrowth.trend.lowerBytesPerSecond,
          upperBytesPerSecond: liveGrowth.trend.upperBytesPerSecond,
          interceptBytes: liveGrowth.trend.interceptBytes,
          pivotSeconds: median(liveSeries.tMs) / 1000,
        }
      : null;

  const markers: ViewData['markers'] = [];
  for (const gc of group.gcs) {
    if (gc.kind !== 'full' && gc.liveBytes === undefined) continue;
    markers.push({
      t: round(gc.tMs / 1000, 2),
      kind: gc.forced ? 'forced-gc' : 'gc',
      label: gc.forced ? 'forced GC' : `GC${gc.cause === undefined ? '' : ` (${gc.cause})`}`,
    });
  }
  for (const control of group.controls) {
    if (control.action === 'gc') continue;
    markers.push({ t: round(control.tMs / 1000, 2), kind: 'probe', label: control.action });
  }
  return {
    startSeconds,
    memory,
    samples: samples.length,
    live,
    fit: fit !== null && Object.values(fit).every(Number.isFinite) ? fit : null,
    markers: thinMarkers(markers),
  };
}

// A day of GCs is tens of thousands of lines no one can tell apart, and one forced GC
// per isolate is several lines in one place: keep one marker of each kind per slot.
const MARKER_SLOTS = 400;

function thinMarkers(markers: ViewData['markers']): ViewData['markers'] {
  const last = Math.max(1, ...markers.map((m) => m.t));
  const seen = new Set<string>();
  return markers.filter((marker) => {
    const key = `${marker.kind}:${Math.floor((marker.t / last) * MARKER_SLOTS)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// The value of a step series at time t (its last point at or before t; 0 before the first).
// Called with increasing t, so one pointer walks the series once.
function stepLookup(tMs: readonly number[], values: readonly number[]): (t: number) => number {
  let at = -1;
  return (t) => {
    while (at + 1 < tMs.length && tMs[at + 1]! <= t) at++;
    return at < 0 ? 0 : values[at]!;
  };
}
