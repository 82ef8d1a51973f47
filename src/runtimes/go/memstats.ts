// runtime.MemStats as a Go program's own endpoints print it: the `# Name = value` lines
// that net/http/pprof's heap?debug=1 appends to the profile (runtime/pprof, writeHeapInternal),
// and the "memstats" object of expvar's /debug/vars. What attach reads of them: the heap
// allocated (right after heap?gc=1's forced GC, the live heap), the goal, the GC count and
// the goroutine stacks.

export interface MemStats {
  heapAllocBytes: number;
  nextGcBytes: number;
  numGc: number;
  stackInuseBytes: number;
}

// null: not a MemStats section (another page, an error, a truncated answer).
export function parsePprofMemStats(text: string): MemStats | null {
  const fields = new Map<string, number>();
  for (const match of text.matchAll(/^# (\w+) = (\d+)$/gm)) {
    fields.set(match[1]!, Number(match[2]));
  }
  return memStatsOf((name) => fields.get(name));
}

export function parseExpvarMemStats(text: string): MemStats | null {
  let vars: unknown;
  try {
    vars = JSON.parse(text);
  } catch {
    return null;
  }
  const memstats = (vars as { memstats?: Record<string, unknown> } | null)?.memstats;
  if (typeof memstats !== 'object' || memstats === null) return null;
  return memStatsOf((name) => {
    const value = memstats[name];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  });
}

function memStatsOf(field: (name: string) => number | undefined): MemStats | null {
  const heapAllocBytes = field('HeapAlloc');
  const nextGcBytes = field('NextGC');
  const numGc = field('NumGC');
  if (heapAllocBytes === undefined || nextGcBytes === undefined || numGc === undefined) return null;
  return { heapAllocBytes, nextGcBytes, numGc, stackInuseBytes: field('StackInuse') ?? 0 };
}

// The live heap a goal implies (Go 1.18+: goal = live + (live + stacks) × GOGC/100, the
// globals left out), for a GC seen only through its count: an estimate, said so.
export function liveFromGoal(stats: MemStats, gogcPercent: number): number {
  const growth = gogcPercent / 100;
  return Math.max(0, (stats.nextGcBytes - stats.stackInuseBytes * growth) / (1 + growth));
}
