// Prometheus alerting rules that bring rssdoctor's leak-versus-retention logic to metrics
// services already export (client_golang, prom-client, Micrometer, client_java). Pure: it
// returns the rule groups; rules-yaml.ts writes them.
//
// A leak is the heap's floor rising, not RSS rising. The floor over a window W,
// min_over_time(heap[W]), is the level just after a GC (the bottom of the sawtooth): live
// data. With floors f0 f1 f2 f3 of four consecutive windows (f3 the latest), the rule asks
// f3 > f1 and f2 > f0, each by more than LEAK_STEP_MIN_BYTES and LEAK_STEP_FRACTION
// (rssdoctor's leak-size rule): risen over two windows, twice in a row. Comparing across
// two windows tolerates one window whose floor caught an earlier GC (measured on the Go
// leak recording: floors 18.6, 22.9, 21.9, 30.2 MiB). RSS must be higher than two windows
// ago too (it corroborates), and it all holds for W.
//
//   heap  /|  /| /|/|  /|/|              f0 < f2, f1 < f3   → fires
//        / | / |/ |/ |/ |/
//
// RSS high while the floor is flat is memory held for reuse (retention): it never fires.

export const LEAK_STEP_MIN_BYTES = 1024 * 1024;
export const LEAK_STEP_FRACTION = 0.02;
export const DEFAULT_WINDOW = '10m';

export interface AlertRule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: { summary: string; description: string };
}

export interface RuleGroup {
  name: string;
  rules: AlertRule[];
}

interface HeapSource {
  alert: string;
  runtime: string;
  // A PromQL expression of the heap in use, one series per instance and job.
  heap: string;
  // An extra condition, joined with `and on(instance, job)`.
  guard?: string;
  held: string;
}

const SOURCES: readonly HeapSource[] = [
  {
    alert: 'RssdoctorGoHeapLeak',
    runtime: 'go',
    heap: 'max by (instance, job) (go_memstats_heap_inuse_bytes)',
    // GCs ran in the window: without one the floor is not a post-GC level (no-gc-yet).
    guard: 'sum by (instance, job) (increase(go_gc_duration_seconds_count[W])) > 0',
    held: 'Heap held for reuse is go_memstats_heap_idle_bytes − go_memstats_heap_released_bytes; a heap under go_memstats_next_gc_bytes with no GC is no-gc-yet (call runtime.GC() once at start-up), not a leak',
  },
  {
    alert: 'RssdoctorNodeHeapLeak',
    runtime: 'node',
    heap: 'max by (instance, job) (nodejs_heap_size_used_bytes) + on(instance, job) max by (instance, job) (nodejs_external_memory_bytes)',
    held: 'Heap held for reuse is nodejs_heap_size_total_bytes − nodejs_heap_size_used_bytes',
  },
  {
    alert: 'RssdoctorJvmHeapLeak',
    runtime: 'jvm',
    heap: 'sum by (instance, job) (jvm_memory_used_bytes{area="heap"})',
    held: 'Committed heap the JVM keeps for reuse (jvm_memory_committed_bytes) is not live data',
  },
  {
    alert: 'RssdoctorJvmHeapLeakClientJava',
    runtime: 'jvm',
    heap: 'sum by (instance, job) (jvm_memory_bytes_used{area="heap"})',
    held: 'Committed heap the JVM keeps for reuse (jvm_memory_bytes_committed) is not live data',
  },
];

function floor(heap: string, window: string, offsetWindows: number): string {
  const offset =
    offsetWindows === 0 ? '' : ` offset ${offsetWindows * parseWindowMinutes(window)}m`;
  return `min_over_time((${heap})[${window}:]${offset})`;
}

function rose(heap: string, window: string, later: number): string {
  const now = floor(heap, window, later);
  const before = floor(heap, window, later + 2);
  return `(${now} - ${before} > ${LEAK_STEP_MIN_BYTES} and ${now} > ${before} * ${1 + LEAK_STEP_FRACTION})`;
}

export function parseWindowMinutes(window: string): number {
  const m = /^(\d+)([mh])$/.exec(window);
  if (m === null)
    throw new RangeError(`window: expected minutes or hours such as 10m or 1h, got "${window}"`);
  return Number(m[1]) * (m[2] === 'h' ? 60 : 1);
}

export function leakRuleGroups(window = DEFAULT_WINDOW): RuleGroup[] {
  parseWindowMinutes(window);
  const rss = 'max by (instance, job) (process_resident_memory_bytes)';
  const byRuntime = new Map<string, AlertRule[]>();
  for (const source of SOURCES) {
    const parts = [rose(source.heap, window, 0), rose(source.heap, window, 1)];
    const rssRose = `${floor(rss, window, 0)} > ${floor(rss, window, 2)}`;
    const conditions = [
      ...parts,
      rssRose,
      ...(source.guard === undefined ? [] : [source.guard.replace('[W]', `[${window}]`)]),
    ];
    const rule: AlertRule = {
      alert: source.alert,
      expr: conditions.join('\nand on(instance, job)\n'),
      for: window,
      labels: { severity: 'warning', runtime: source.runtime, verdict: 'leak' },
      annotations: {
        summary: 'Live heap keeps growing: a leak',
        description:
          `The heap's floor (its level after GC, min_over_time over ${window}) is higher than two ${window} windows before, ` +
          `by more than 1 MiB and 2%, and was so one window ago too, and RSS rose with it: live data keeps growing. ` +
          `It does not fire when RSS is high while the floor is flat: that is memory held for reuse (retention), not a leak. ` +
          `${source.held}.`,
      },
    };
    byRuntime.set(source.runtime, [...(byRuntime.get(source.runtime) ?? []), rule]);
  }
  return [...byRuntime].map(([runtime, rules]) => ({ name: `rssdoctor-${runtime}-leak`, rules }));
}
