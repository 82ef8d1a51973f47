// Watches this isolate's garbage collections through v8.GCProfiler, which reports the
// exact heap before and after each GC. Full GCs (MarkSweepCompact) are live points;
// scavenges say nothing about live data and are summed.
//
// The profiler hands its data over only on stop(), so it has to be cycled, and cycling
// costs the target memory: on the demo receiver (6 isolates, full load; peak RSS 124 MiB
// without the agent) cycling every second gave 139–145 MiB. So a tick cycles it only when
// a full GC is likely to have happened (the old generation's used bytes fell since the last
// look: only a full GC frees old-generation objects) or IDLE_DRAIN_MS passed (a full GC
// that freed nothing, as in a pure leak); a probe cycles it at once: 130–132 MiB.
// PerformanceObserver `gc` entries, tried instead (they need no cycling and come at the
// GC's time), cost more: 135–137 MiB, and 135 even with an empty callback, so the cost is
// Node's per-GC entry, not what the agent does with it (bench/agent-parts.mjs).

import * as v8 from 'node:v8';
import { fullGc } from './full-gc.cjs';
import type { GcMessage } from '../../../sources/agent-protocol.cjs';

const IDLE_DRAIN_MS = 10_000;
const YOUNG_SPACES = new Set(['new_space', 'new_large_object_space']);

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
  #oldUsedBytes = 0;
  #drainedMs = performance.now();
  // When the last drain found a full GC (natural or forced): a probe skips a fresh isolate.
  #lastFullMs = Number.NEGATIVE_INFINITY;

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

  // The tick's look: the GCs since the last drain when a full GC is likely, else none.
  drainIfDue(): GcMessage[] {
    const oldUsedBytes = oldGenerationUsedBytes();
    const fell = oldUsedBytes < this.#oldUsedBytes;
    this.#oldUsedBytes = oldUsedBytes;
    if (!fell && performance.now() - this.#drainedMs < IDLE_DRAIN_MS) return [];
    return this.drain();
  }

  // The natural GCs since the last drain.
  drain(): GcMessage[] {
    return this.#cycle(false);
  }

  // A full GC now, with the heap after it: rssdoctor's own (`forced`).
  force(): GcMessage[] {
    fullGc();
    const messages = this.#cycle(true);
    this.#oldUsedBytes = oldGenerationUsedBytes();
    return messages;
  }

  get lastFullMs(): number {
    return this.#lastFullMs;
  }

  stop(): void {
    this.#profiler?.stop();
    this.#profiler = null;
  }

  #cycle(forced: boolean): GcMessage[] {
    const profiler = this.#profiler;
    if (profiler === null) return [];
    const data = profiler.stop() as unknown as { statistics?: GcStatistic[] } | undefined;
    this.#restart();
    this.#drainedMs = performance.now();
    const out: GcMessage[] = [];
    let minorCount = 0;
    let minorPauseMs = 0;
    for (const stat of data?.statistics ?? []) {
      if (stat.gcType === 'MarkSweepCompact') {
        this.#lastFullMs = this.#drainedMs;
        const after = stat.afterGC.heapStatistics;
        out.push({
          t: 'gc',
          pid: this.#pid,
          threadId: this.#threadId,
          kind: 'full',
          forced,
          count: 1,
          pauseMs: stat.cost / 1000,
          heapBeforeBytes: stat.beforeGC.heapStatistics.usedHeapSize,
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

  #restart(): void {
    this.#profiler = new v8.GCProfiler();
    this.#profiler.start();
  }
}

function oldGenerationUsedBytes(): number {
  let usedBytes = 0;
  for (const space of v8.getHeapSpaceStatistics()) {
    if (!YOUNG_SPACES.has(space.space_name)) usedBytes += space.space_used_size;
  }
  return usedBytes;
}
