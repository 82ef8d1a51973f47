// What a long run keeps in memory stays bounded (issue 19): once the list a run keeps its
// records in (the provisional Report reads it) passes KEPT_RECORDS_MAX, its older half is
// thinned to every other record of each series, so the density falls with age, as a chart
// of the whole run does, and the list never grows past the cap. A series is one process's,
// one isolate's, one kind's records: each keeps its first, and the trend of each stays
// readable. What is rare and says something on its own (notes, probes, profiles, facts,
// the demo, the end) is never dropped, and dropped minor GCs are summed into the one kept
// before them, so GC counts stay whole. The recording on disk keeps every record; the
// final Report is built from it (run/recording-sink.ts).
//
//   kept ┤····· · · · ·  ·  ·  ·    ·    ·    ········  (newest: every record)
//        └──────────────────────────────────────────── t

import type { BodyRecord } from './records.js';

// About 2 MiB of records: bench/soak.mjs measured 19.6 MiB of heap for 184,318 kept, about
// 110 bytes each; a provisional Report over this many took about 290 ms there.
export const KEPT_RECORDS_MAX = 20_000;

const KEEP_ALL: ReadonlySet<BodyRecord['type']> = new Set([
  'note',
  'control',
  'sites',
  'demo',
  'end',
  'go',
  'jvm',
  'memory-limit',
]);

// A series pass that kept more than this share did not thin enough.
const SERIES_THINNING_ENOUGH = 0.75;

function seriesKey(record: BodyRecord): string {
  const { pid, threadId, kind } = record as { pid?: number; threadId?: number; kind?: string };
  return `${record.type}:${pid ?? ''}:${threadId ?? ''}:${kind ?? ''}`;
}

// Thins `records` in place when it is over `max`; true when it did.
export function thinRecords(records: BodyRecord[], max = KEPT_RECORDS_MAX): boolean {
  if (records.length <= max) return false;
  const olderCount = Math.max(2, Math.floor(records.length / 2));
  const kept = thinSeries(records.slice(0, olderCount));
  // More series than records per series (thousands of processes, each seen once or twice
  // in the older half): every other record, series or not, so the cap still holds.
  const older =
    kept.length > SERIES_THINNING_ENOUGH * olderCount
      ? kept.filter((record, i) => KEEP_ALL.has(record.type) || i % 2 === 0)
      : kept;
  // Rebuilt in place (the list is shared), without spreading thousands of arguments.
  const newer = records.slice(olderCount);
  records.length = 0;
  for (const record of older) records.push(record);
  for (const record of newer) records.push(record);
  return true;
}

// Every other record of each series, minor GCs summed into the one kept before them.
function thinSeries(older: BodyRecord[]): BodyRecord[] {
  const kept: BodyRecord[] = [];
  const seen = new Map<string, number>();
  // Where each series' last kept record sits in `kept`: a dropped minor GC is summed there.
  const lastKept = new Map<string, number>();
  for (const record of older) {
    const key = seriesKey(record);
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    if (KEEP_ALL.has(record.type) || index % 2 === 0) {
      lastKept.set(key, kept.length);
      kept.push(record);
      continue;
    }
    const at = lastKept.get(key);
    const into = at === undefined ? undefined : kept[at];
    if (record.type === 'gc' && record.kind === 'minor' && into?.type === 'gc') {
      // A copy: the kept record may be someone else's too (a listener's).
      kept[at!] = {
        ...into,
        count: (into.count ?? 1) + (record.count ?? 1),
        ...(into.pauseMs === undefined && record.pauseMs === undefined
          ? {}
          : { pauseMs: (into.pauseMs ?? 0) + (record.pauseMs ?? 0) }),
      };
    }
  }
  return kept;
}
