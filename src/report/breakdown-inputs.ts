// The records one process's breakdown is read from, taken at one moment: the last smaps
// read of where anon lies (the end-of-run snapshot, taken after the final forced GC and
// before any release, when there was one), else the last sample. Each other figure is its
// latest up to that moment (the agent answers the final GC with fresh heap and malloc
// figures before the snapshot), so that RSS and its parts describe one instant as nearly
// as the records allow, and a release probe after it does not show.

import type { ProcessRecordLists } from '../analysis/process-findings.js';
import type {
  AnonMapRecord,
  GcRecord,
  HeapRecord,
  MallocRecord,
  SampleRecord,
} from '../recording/records.js';

// A worker's heap report older than this before the last one is from an isolate that exited.
const ISOLATE_GONE_MS = 5_000;

export interface BreakdownInputs {
  sample: SampleRecord;
  anonMap: AnonMapRecord | null;
  lazyFreeBytes: number | null;
  heaps: HeapRecord[];
  malloc: MallocRecord | null;
  // The latest GC that measured live data (Go's H2, a JVM live point, a Node full GC).
  liveGc: GcRecord | null;
  // The latest GC of any kind with a heap goal or committed size.
  lastGc: GcRecord | null;
}

export function breakdownInputs(lists: ProcessRecordLists): BreakdownInputs | null {
  const anonMap = lists.anonMaps[lists.anonMaps.length - 1] ?? null;
  const lastSample = lists.samples[lists.samples.length - 1];
  if (lastSample === undefined) return null;
  const momentMs = anonMap?.tMs ?? lastSample.tMs;
  const until = momentMs;
  const sample = nearest(lists.samples, momentMs) ?? lastSample;
  const upTo = <T extends { tMs: number }>(records: readonly T[]): T[] =>
    records.filter((record) => record.tMs <= until);
  let lazyFreeBytes: number | null = anonMap?.lazyFreeBytes ?? null;
  if (lazyFreeBytes === null) {
    for (const s of upTo(lists.samples))
      if (s.lazyFreeBytes !== undefined) lazyFreeBytes = s.lazyFreeBytes;
  }
  const gcs = upTo(lists.gcs);
  return {
    sample,
    anonMap,
    lazyFreeBytes,
    heaps: latestPerIsolate(upTo(lists.heaps)),
    malloc: upTo(lists.mallocs).pop() ?? null,
    liveGc: gcs.filter((gc) => gc.liveBytes !== undefined).pop() ?? null,
    lastGc: gcs[gcs.length - 1] ?? null,
  };
}

function nearest(samples: readonly SampleRecord[], tMs: number): SampleRecord | undefined {
  let best: SampleRecord | undefined;
  for (const sample of samples) {
    if (best === undefined || Math.abs(sample.tMs - tMs) < Math.abs(best.tMs - tMs)) best = sample;
  }
  return best;
}

function latestPerIsolate(heaps: readonly HeapRecord[]): HeapRecord[] {
  const latest = new Map<number, HeapRecord>();
  for (const heap of heaps) latest.set(heap.threadId, heap);
  const lastMs = Math.max(...[...latest.values()].map((heap) => heap.tMs));
  return [...latest.values()].filter((heap) => lastMs - heap.tMs <= ISOLATE_GONE_MS);
}
