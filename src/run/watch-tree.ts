// The sampling loop `run` and `attach` share: the tree under the root read from /proc each
// tick, each process's memory limit once, the runtime sources and the anon-map watch
// ticked (its snapshot taken on demand, for the end sequence), progress told. It ends when `signal` aborts, or when the root is gone from /proc
// (an attached process that exits; a run's own target ends it through `signal`).

import { existsSync } from 'node:fs';
import type { BodyRecord } from '../recording/records.js';
import { readAddressSpaceLimit } from '../sources/address-space-limit.js';
import { readMemoryLimit } from '../sources/cgroup-limit.js';
import { readProcfsSamples } from '../sources/procfs.js';
import { watchAnonMaps } from './anon-map-watch.js';
import type { RuntimeSources } from './runtime-sources.js';

export interface TreeProgress {
  elapsedMs: number;
  samples: number;
  processes: number;
  rootRssBytes: number | null;
}

export interface TreeWatch {
  rootPid: number;
  intervalMs: number;
  nowMs: () => number;
  append: (record: BodyRecord) => void;
  sources: Pick<RuntimeSources, 'tick' | 'heapRanges'>;
  // --deep: each process's full smaps on the smaps cadence.
  deep: boolean;
  onTick?: (progress: TreeProgress) => void;
  signal: AbortSignal;
}

export interface TreeWatchHandle {
  // Where the memory of the tree's last processes lies, now (before anything is released).
  snapshot: () => void;
  // The number of samples taken, when the watch ends.
  done: Promise<number>;
}

export function startTreeWatch(watch: TreeWatch): TreeWatchHandle {
  const anonMaps = watchAnonMaps({
    deep: watch.deep,
    heapRanges: (pid) => watch.sources.heapRanges(pid),
    nowMs: watch.nowMs,
    append: watch.append,
  });
  let lastPids: readonly number[] = [];
  const done = loop(watch, (pids) => {
    lastPids = pids;
    anonMaps.tick(pids);
  });
  return { snapshot: () => anonMaps.snapshot(lastPids), done };
}

async function loop(watch: TreeWatch, onPids: (pids: readonly number[]) => void): Promise<number> {
  let samples = 0;
  const limitsRead = new Set<number>();
  for await (const tick of readProcfsSamples(
    watch.rootPid,
    { intervalMs: watch.intervalMs, nowMs: watch.nowMs },
    watch.signal,
  )) {
    for (const note of tick.notes) watch.append(note);
    for (const sample of tick.samples) watch.append(sample);
    samples += tick.samples.length;
    const pids = tick.samples.map((sample) => sample.pid);
    for (const pid of pids) {
      if (limitsRead.has(pid)) continue;
      limitsRead.add(pid);
      watch.append({
        type: 'memory-limit',
        tMs: tick.tMs,
        pid,
        ...readMemoryLimit(pid),
        ...readAddressSpaceLimit(pid),
      });
    }
    watch.sources.tick(pids);
    onPids(pids);
    const root = tick.samples.find((sample) => sample.pid === watch.rootPid);
    watch.onTick?.({
      elapsedMs: tick.tMs,
      samples,
      processes: tick.samples.length,
      rootRssBytes: root?.rssBytes ?? null,
    });
    if (root === undefined && !existsSync(`/proc/${watch.rootPid}`)) break;
  }
  return samples;
}
