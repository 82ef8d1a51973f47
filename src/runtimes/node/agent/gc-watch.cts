// Watches this isolate's full GCs by looking, once a tick, at its old generation: only a
// full GC (V8's MarkSweepCompact) frees old-generation objects, so used bytes that fell
// since the last look mean one ran. Its live point is read then: the old generation's used
// bytes (a full GC promotes every young survivor, so right after one that is the whole live
// heap) plus external memory (the Buffers and ArrayBuffers that surviving objects keep).
// It reads high by what was promoted between the GC and the look (at most one tick), and
// a full GC that freed nothing is not seen; rssdoctor's forced GCs are exact (its own call,
// timed and read at once). Scavenges are not counted: they say nothing about live data.
//
// A periodic probe takes a bound of a busy isolate instead of a full GC (bound() below)
// while its heap is flat, since on some targets one full GC costs far more than its pause:
// the demo receiver's main thread keeps a Map whose table V8 reallocates in the generation
// it lives in, and once a full GC has moved that table to the old generation, every rehash
// allocates there, and the thread goes from no full GC in 60 s to about one a second
// (bench/forced-gc-regime.mjs, bench/map-table-regime.mjs).
//
// Nothing runs per GC, because anything that does costs a busy target memory that only a
// full GC gives back. The demo receiver's peak RSS after 30 s of full load
// (bench/agent-parts.mjs) was 147 MiB with v8.GCProfiler, which this used first, and 138
// with PerformanceObserver `gc` entries, tried next, against 133 with neither. Node's
// stop() leaves a profiler's GC callbacks installed until the profiler object is itself
// collected, so every stopped profiler went on recording each GC; entries that outlive a
// scavenge are promoted.

import * as v8 from 'node:v8';
import { fullGc, scavenge } from './full-gc.cjs';
import type { BoundMessage, GcMessage } from '../../../sources/agent-protocol.cjs';

const YOUNG_SPACES = new Set(['new_space', 'new_large_object_space']);
// A bound's external memory is the lowest of this many looks (a tick each, 1 s by default).
const EXTERNAL_LOOKS = 5;

export class GcWatch {
  readonly #pid: number;
  readonly #threadId: number;
  #oldUsedBytes = oldGenerationUsedBytes();
  // When the last full GC (natural or forced) was seen: a probe skips a fresh isolate.
  #lastFullMs = Number.NEGATIVE_INFINITY;
  // The last live point's bytes (a GC's, or the first bound's): what a bound is held to.
  #referenceBytes: number | undefined;
  // External memory at each of the last EXTERNAL_LOOKS looks, for a bound's lowest.
  readonly #externalBytes: number[] = [];

  constructor(pid: number, threadId: number) {
    this.#pid = pid;
    this.#threadId = threadId;
  }

  // The natural full GC since the last look, if the old generation says one ran.
  drain(): GcMessage[] {
    const oldBytes = oldGenerationUsedBytes();
    const externalBytes = v8.getHeapStatistics().external_memory;
    this.#externalBytes.push(externalBytes);
    if (this.#externalBytes.length > EXTERNAL_LOOKS) this.#externalBytes.shift();
    const fell = oldBytes < this.#oldUsedBytes;
    this.#oldUsedBytes = oldBytes;
    if (!fell) return [];
    this.#lastFullMs = performance.now();
    const liveBytes = oldBytes + externalBytes;
    this.#referenceBytes = liveBytes;
    return [{ ...this.#full(false), heapAfterBytes: oldBytes, liveBytes }];
  }

  // A live point with no full GC, or null when only a full GC can give one. Right after a
  // scavenge (no garbage left in the young generation), the heap's used bytes plus
  // external memory bound the live heap from above, high by the garbage in the old
  // generation. While that bound stays within slackBytes of the last live point, the live
  // heap cannot have grown by more; once it rose further, garbage and a leak look alike
  // until a full GC, and the probe forces one. The scavenge is what the program runs by
  // itself many times a second; without it the young generation's live data (a leak's
  // newest objects, a few MiB) would be missing from the bound, or its garbage in it.
  //
  // External memory counts at its lowest over the last EXTERNAL_LOOKS looks: the Buffers a
  // busy server has in flight come and go by megabytes (1.9 to 7.7 MiB on the demo
  // receiver's main thread in one recording under full load, a heap record a second), and
  // a bound that caught them at a peak would read as growth; what a leak keeps raises the
  // lowest too. A few recent looks, not all since the last point: a reference taken over
  // a start before the load came would be low by what is always in flight under it.
  bound(slackBytes: number): BoundMessage | null {
    scavenge();
    const heap = v8.getHeapStatistics();
    const externalBytes = Math.min(...this.#externalBytes, heap.external_memory);
    const liveBytes = heap.used_heap_size + externalBytes;
    const reference = (this.#referenceBytes ??= liveBytes);
    if (liveBytes - reference > slackBytes) return null;
    return { t: 'bound', pid: this.#pid, threadId: this.#threadId, liveBytes, slackBytes };
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
    this.#referenceBytes = after.used_heap_size + after.external_memory;
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

  // What a bound is held to; undefined before the first live point.
  get referenceBytes(): number | undefined {
    return this.#referenceBytes;
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
