// What the comparison's HTML plots: for the verdict's process of each run, RSS and the
// live points over seconds since its own start, so the two runs line up at zero whatever
// their length or interval. Downsampled like the report's plots (LTTB on RSS).

import { liveSeries } from '../analysis/live-series.js';
import type { Recording } from '../recording/reader.js';
import { groupByProcess } from '../report/group-by-process.js';
import { DISPLAY_POINTS } from './view-data.js';
import { lttbIndices } from './lttb.js';

export interface RunView {
  t: number[];
  rss: number[];
  liveT: number[];
  live: number[];
}

export function compareRunView(recording: Recording, pid: number | null): RunView {
  const group = pid === null ? undefined : groupByProcess(recording.records).get(pid);
  if (group === undefined) return { t: [], rss: [], liveT: [], live: [] };
  const t = group.samples.map((sample) => sample.tMs / 1000);
  const rss = group.samples.map((sample) => sample.rssBytes);
  const keep = lttbIndices(t, rss, DISPLAY_POINTS);
  const total = liveSeries(group.gcs, group.bounds).total;
  const liveKeep = lttbIndices(total.tMs, total.values, DISPLAY_POINTS);
  return {
    t: keep.map((i) => Number(t[i]!.toFixed(2))),
    rss: keep.map((i) => rss[i]!),
    liveT: liveKeep.map((i) => Number((total.tMs[i]! / 1000).toFixed(2))),
    live: liveKeep.map((i) => total.values[i]!),
  };
}
