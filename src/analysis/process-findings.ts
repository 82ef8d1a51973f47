// Everything the analysis finds about one process, from its records alone. Pure.

import type {
  AnonMapRecord,
  BoundRecord,
  ControlRecord,
  GcRecord,
  GoFactsRecord,
  HeapRecord,
  HeapResidentRecord,
  JvmFactsRecord,
  MallocRecord,
  MemoryLimitRecord,
  Runtime,
  SampleRecord,
  ScavRecord,
  SitesRecord,
} from '../recording/records.js';
import { MIN_LIVE_POINTS, MIN_OS_POINTS, MIN_OS_SPAN_MS } from './evidence.js';
import { growth, type GrowthFinding } from './growth.js';
import { heldMemory, type HeldMemoryFinding } from './held-memory.js';
import { lastStep, type LastStepFinding } from './last-step.js';
import { liveSeries, type LiveSeries } from './live-series.js';
import { nativeSeries } from './native-series.js';
import { sawtoothFloor } from './sawtooth-floor.js';
import type { Series } from './series.js';
import { runtimeModule } from '../runtimes/registry.js';
import type { OwnFindings } from '../runtimes/runtime-evidence.js';
import type { RuntimeModule } from '../runtimes/runtime-module.js';

// One process's records, by kind: what report/group-by-process.ts gathers and the
// analysis reads.
export interface ProcessRecordLists {
  samples: SampleRecord[];
  gcs: GcRecord[];
  // Node: live points an isolate gave without a GC (live-series.ts).
  bounds: BoundRecord[];
  heaps: HeapRecord[];
  scavs: ScavRecord[];
  // Go: the latest proof of where its trace came from.
  goFacts: GoFactsRecord | null;
  // JVM: the latest facts about its GC log, and the heap's resident part over time.
  jvmFacts: JvmFactsRecord | null;
  heapResidents: HeapResidentRecord[];
  // What the breakdown, the release probe and the advice read.
  mallocs: MallocRecord[];
  anonMaps: AnonMapRecord[];
  controls: ControlRecord[];
  memoryLimit: MemoryLimitRecord | null;
  // Attribution's profiles (report/attribution.ts).
  sites: SitesRecord[];
}

export function emptyRecordLists(): ProcessRecordLists {
  return {
    samples: [],
    gcs: [],
    bounds: [],
    heaps: [],
    scavs: [],
    goFacts: null,
    jvmFacts: null,
    heapResidents: [],
    mallocs: [],
    anonMaps: [],
    controls: [],
    memoryLimit: null,
    sites: [],
  };
}

export interface ProcessRecords extends Readonly<ProcessRecordLists> {
  pid: number;
  runtime: Runtime;
  workers: number;
}

export interface RuntimeFindings {
  runtime: RuntimeModule['name'];
  live: LiveSeries;
  liveGrowth: GrowthFinding;
  // Whether the live series' last step kept the regime's rate (see last-step.ts).
  liveLastStep: LastStepFinding | null;
  isolateGrowth: { threadId: number; growth: GrowthFinding }[];
  native: GrowthFinding;
  held: HeldMemoryFinding | null;
  workers: number;
  // What the runtime's own source proves beyond the live series (its module's findings).
  own: OwnFindings | null;
}

export interface ProcessFindings {
  pid: number;
  runtime: Runtime;
  samples: number;
  firstMs: number;
  lastMs: number;
  peakRssBytes: number;
  lastSample: SampleRecord | undefined;
  // The latest smaps_rollup LazyFree reading, if any.
  lastLazyFreeBytes: number | null;
  // OS-level growth of RSS.
  rss: GrowthFinding;
  // Present when a runtime source reported on this process.
  runtimeFindings: RuntimeFindings | null;
}

export function analyzeProcess(input: ProcessRecords): ProcessFindings {
  const { samples } = input;
  const series: Series = { tMs: [], values: [] };
  let peakRssBytes = 0;
  let lastLazyFreeBytes: number | null = null;
  for (const sample of samples) {
    if (sample.lazyFreeBytes !== undefined) lastLazyFreeBytes = sample.lazyFreeBytes;
    series.tMs.push(sample.tMs);
    series.values.push(sample.rssBytes);
    if (sample.rssBytes > peakRssBytes) peakRssBytes = sample.rssBytes;
  }
  const lastSample = samples[samples.length - 1];
  return {
    pid: input.pid,
    runtime: input.runtime,
    samples: samples.length,
    firstMs: samples[0]?.tMs ?? 0,
    lastMs: lastSample?.tMs ?? 0,
    peakRssBytes,
    lastSample,
    lastLazyFreeBytes,
    rss: growth(sawtoothFloor(series), MIN_OS_POINTS, { minSpanMs: MIN_OS_SPAN_MS }),
    runtimeFindings: runtimeFindings(input, lastSample),
  };
}

function runtimeFindings(
  input: ProcessRecords,
  lastSample: SampleRecord | undefined,
): RuntimeFindings | null {
  const module = runtimeModule(input.runtime);
  if (module === null) return null;
  const live = liveSeries(input.gcs, input.bounds);
  const own =
    module.findings?.(input, {
      startMs: input.samples[0]?.tMs ?? 0,
      endMs: lastSample?.tMs ?? 0,
    }) ?? null;
  const isolateGrowth = [...live.perIsolate].map(([threadId, own]) => ({
    threadId,
    growth: growth(own, MIN_LIVE_POINTS),
  }));
  const held =
    lastSample !== undefined && live.lastLiveBytes !== null
      ? heldMemory(
          lastSample.rssAnonBytes,
          live.lastLiveBytes,
          module.baselineBytes(
            {
              anonBytes: lastSample.rssAnonBytes,
              liveBytes: live.lastLiveBytes,
              workers: input.workers,
            },
            own?.detail ?? null,
          ),
        )
      : null;
  const liveGrowth = growth(live.total, MIN_LIVE_POINTS);
  return {
    runtime: module.name,
    live,
    liveGrowth,
    liveLastStep:
      liveGrowth.state === 'ok'
        ? lastStep(live.total, liveGrowth.trend.slopeBytesPerSecond, module.liveResolutionBytes)
        : null,
    isolateGrowth,
    native: growth(
      sawtoothFloor(nativeSeries(input.samples, module.accounted(input))),
      MIN_OS_POINTS,
      {
        minSpanMs: MIN_OS_SPAN_MS,
        minGrowthBytes: module.nativeMinBytes,
      },
    ),
    held,
    workers: input.workers,
    own,
  };
}
