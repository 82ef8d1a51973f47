// Watches this isolate's garbage collections through v8.GCProfiler, which reports the
// exact heap before and after each GC. The profiler only hands its data over on stop(),
// so it is cycled every tick. Full GCs (MarkSweepCompact) are live points; scavenges say
// nothing about live data and are summed.

import * as v8 from 'node:v8';
import type { GcMessage } from '../../../sources/agent-protocol.cjs';

interface GcStatistic {
  gcType: string;
  cost: number;
  beforeGC: { heapStatistics: { usedHeapSize: number; externalMemory?: number } };
  afterGC: { heapStatistics: { usedHeapSize: number; externalMemory?: number } };
}

export class GcWatch {
  #profiler: v8.GCProfiler | null = null;
  readonly #pid: number;
  readonly #threadId: number;

  // Null when this Node has no v8.GCProfiler (before 18.15/19.6): no live points then.
  readonly unavailableWhy: string | null;

  constructor(pid: number, threadId: number) {
    this.#pid = pid;
    this.#threadId = threadId;
    let why: string | null = null;
    try {
      this.#restart();
    } catch (error) {
      why = `v8.GCProfiler is unavailable in Node ${process.version} (${(error as Error).message}); live heap needs Node ≥ 18.15`;
    }
    this.unavailableWhy = why;
  }

  // The GCs since the last call. `forced` marks GCs that rssdoctor asked for.
  drain(forced: boolean): GcMessage[] {
    const profiler = this.#profiler;
    if (profiler === null) return [];
    const data = profiler.stop() as unknown as { statistics?: GcStatistic[] } | undefined;
    this.#restart();
    const out: GcMessage[] = [];
    let minorCount = 0;
    let minorPauseMs = 0;
    for (const stat of data?.statistics ?? []) {
      if (stat.gcType === 'MarkSweepCompact') {
        const after = stat.afterGC.heapStatistics;
        const before = stat.beforeGC.heapStatistics;
        out.push({
          t: 'gc',
          pid: this.#pid,
          threadId: this.#threadId,
          kind: 'full',
          forced,
          count: 1,
          pauseMs: stat.cost / 1000,
          heapBeforeBytes: before.usedHeapSize,
          heapAfterBytes: after.usedHeapSize,
          // Live data is what survives a full GC: the JS heap plus the external memory
          // (Buffers, ArrayBuffers) that surviving objects keep alive.
          liveBytes: after.usedHeapSize + (after.externalMemory ?? 0),
        });
      } else if (stat.gcType === 'Scavenge' || stat.gcType === 'MinorMarkCompact') {
        minorCount++;
        minorPauseMs += stat.cost / 1000;
      }
    }
    if (minorCount > 0) {
      out.push({
        t: 'gc',
        pid: this.#pid,
        threadId: this.#threadId,
        kind: 'minor',
        forced,
        count: minorCount,
        pauseMs: minorPauseMs,
      });
    }
    return out;
  }

  stop(): void {
    this.#profiler?.stop();
    this.#profiler = null;
  }

  #restart(): void {
    this.#profiler = new v8.GCProfiler();
    this.#profiler.start();
  }
}
