// Watches this isolate's full GCs by looking, once a tick, at its old generation: only a
// full GC (V8's MarkSweepCompact) frees old-generation objects, so used bytes that fell
// since the last look mean one ran. Its live point is read then: the old generation's used
// bytes (a full GC promotes every young survivor, so right after one that is the whole live
// heap) plus external memory (the Buffers and ArrayBuffers that surviving objects keep).
// It reads high by what was promoted between the GC and the look (at most one tick), and
// a full GC that freed nothing is not seen; rssdoctor's forced GCs are exact (its own call,
// timed and read at once). Scavenges are not counted: they say nothing about live data.
//
// Nothing runs per GC, because anything that does costs a busy target memory that only a
// full GC gives back. The demo receiver's peak RSS after 30 s of full load
// (bench/agent-parts.mjs) was 147 MiB with v8.GCProfiler, which this used first, and 138
// with PerformanceObserver `gc` entries, tried next, against 133 with neither. Node's
// stop() leaves a profiler's GC callbacks installed until the profiler object is itself
// collected, so every stopped profiler went on recording each GC; entries that outlive a
// scavenge are promoted.

import * as v8 from 'node:v8';
import { fullGc } from './full-gc.cjs';
import type { GcMessage } from '../../../sources/agent-protocol.cjs';

const YOUNG_SPACES = new Set(['new_space', 'new_large_object_space']);

export class GcWatch {
  readonly #pid: number;
  readonly #threadId: number;
  #oldUsedBytes = oldGenerationUsedBytes();
  // When the last full GC (natural or forced) was seen: a probe skips a fresh isolate.
  #lastFullMs = Number.NEGATIVE_INFINITY;

  constructor(pid: number, threadId: number) {
    this.#pid = pid;
    this.#threadId = threadId;
  }

  // The natural full GC since the last look, if the old generation says one ran.
  drain(): GcMessage[] {
    const oldBytes = oldGenerationUsedBytes();
    const fell = oldBytes < this.#oldUsedBytes;
    this.#oldUsedBytes = oldBytes;
    if (!fell) return [];
    this.#lastFullMs = performance.now();
    return [
      {
        ...this.#full(false),
        heapAfterBytes: oldBytes,
        liveBytes: oldBytes + v8.getHeapStatistics().external_memory,
      },
    ];
  }

  // A full GC now, with the heap after it: rssdoctor's own (`forced`), after the natural
  // one seen since the last look, if any.
  force(): GcMessage[] {
    const out = this.drain();
    const beforeBytes = v8.getHeapStatistics().used_heap_size;
    const startMs = performance.now();
    fullGc();
    const endMs = performance.now();
    this.#lastFullMs = endMs;
    this.#oldUsedBytes = oldGenerationUsedBytes();
    const after = v8.getHeapStatistics();
    out.push({
      ...this.#full(true),
      pauseMs: endMs - startMs,
      heapBeforeBytes: beforeBytes,
      heapAfterBytes: after.used_heap_size,
      liveBytes: after.used_heap_size + after.external_memory,
    });
    return out;
  }

  get lastFullMs(): number {
    return this.#lastFullMs;
  }

  #full(forced: boolean): GcMessage {
    return { t: 'gc', pid: this.#pid, threadId: this.#threadId, kind: 'full', forced, count: 1 };
  }
}

function oldGenerationUsedBytes(): number {
  let usedBytes = 0;
  for (const space of v8.getHeapSpaceStatistics()) {
    if (!YOUNG_SPACES.has(space.space_name)) usedBytes += space.space_used_size;
  }
  return usedBytes;
}
