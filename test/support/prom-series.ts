// Prometheus input series for `promtool test rules`, made from a real rssdoctor recording:
// the metrics a service would export (client_golang, prom-client, Micrometer, client_java)
// rebuilt from what rssdoctor recorded of the same process. One point per sample of the
// root process, replayed one minute apart (a 20 s recording becomes 40–80 minutes), so the
// rules' windows see the recording's shape.

import type { Recording } from '../../src/recording/reader.js';
import type { GcRecord } from '../../src/recording/records.js';

export type Series = Map<string, number[]>;

const LABELS = 'instance="fixture", job="rules-test"';

// The heap in use between GCs: from one GC's after-figure, rising to the next GC's
// before-figure (a scrape sees the sawtooth, not only its floor).
function heapAt(gcs: readonly GcRecord[], tMs: number, after: (gc: GcRecord) => number): number {
  let last: GcRecord | undefined;
  let next: GcRecord | undefined;
  for (const gc of gcs) {
    if (gc.tMs <= tMs) last = gc;
    else {
      next = gc;
      break;
    }
  }
  const from = last === undefined ? 0 : after(last);
  const fromMs = last?.tMs ?? 0;
  if (next === undefined || next.heapBeforeBytes === undefined) return from;
  return from + ((next.heapBeforeBytes - from) * (tMs - fromMs)) / (next.tMs - fromMs);
}

export function seriesFromRecording(recording: Recording): { series: Series; minutes: number } {
  const records = recording.records;
  const root = records.find((r) => r.type === 'sample')!.pid;
  const samples = records.filter((r) => r.type === 'sample' && r.pid === root);
  const gcs = records.filter((r): r is GcRecord => r.type === 'gc' && r.pid === root);
  const heaps = records.filter((r) => r.type === 'heap' && r.pid === root && r.threadId === 0);
  const runtime = records.some((r) => r.type === 'go')
    ? 'go'
    : records.some((r) => r.type === 'jvm')
      ? 'jvm'
      : 'node';
  const series: Series = new Map();
  const push = (name: string, value: number): void => {
    const key = `${name}{${LABELS}}`;
    series.set(key, [...(series.get(key) ?? []), Math.round(value)]);
  };
  for (const sample of samples) {
    if (sample.type !== 'sample') continue;
    push('process_resident_memory_bytes', sample.rssBytes);
    if (runtime === 'node') {
      const heap = [...heaps].reverse().find((h) => h.tMs <= sample.tMs);
      if (heap === undefined || heap.type !== 'heap') continue;
      push('nodejs_heap_size_used_bytes', heap.usedHeapBytes);
      push('nodejs_heap_size_total_bytes', heap.totalHeapBytes);
      push('nodejs_external_memory_bytes', heap.externalBytes);
    } else if (runtime === 'go') {
      const done = gcs.filter((gc) => gc.tMs <= sample.tMs);
      push(
        'go_memstats_heap_inuse_bytes',
        heapAt(gcs, sample.tMs, (gc) => gc.liveBytes ?? 0),
      );
      push('go_gc_duration_seconds_count', done.length);
      push('go_memstats_next_gc_bytes', done[done.length - 1]?.goalBytes ?? 4 * 2 ** 20);
    } else {
      const used = heapAt(gcs, sample.tMs, (gc) => gc.heapAfterBytes ?? 0);
      series.set(`jvm_memory_used_bytes{area="heap", id="heap", ${LABELS}}`, [
        ...(series.get(`jvm_memory_used_bytes{area="heap", id="heap", ${LABELS}}`) ?? []),
        Math.round(used),
      ]);
      series.set(`jvm_memory_bytes_used{area="heap", ${LABELS}}`, [
        ...(series.get(`jvm_memory_bytes_used{area="heap", ${LABELS}}`) ?? []),
        Math.round(used),
      ]);
    }
  }
  // Series that started later (the first heap report) are padded at the front with their
  // first value, so every series has one point per minute.
  const minutes = samples.length;
  for (const values of series.values()) {
    while (values.length < minutes) values.unshift(values[0]!);
  }
  return { series, minutes };
}
