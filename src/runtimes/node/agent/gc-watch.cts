// Watches this isolate's full GCs through a sentinel: a Symbol registered with a
// FinalizationRegistry and held by nothing. V8 allocates every Symbol in the old generation,
// which only a full GC (MarkSweepCompact) collects, so the registry's callback, a task soon
// after, says one ran; a scavenge never does. Each callback reads the live point and arms
// a new sentinel: the old generation's used bytes (a full GC promotes every young
// survivor, so right after one that is the whole live heap) plus external memory (the
// Buffers and ArrayBuffers that surviving objects keep). rssdoctor's forced GCs are exact
// (its own call, timed and read at once) and disarm the sentinel first, so they are not
// seen twice. Scavenges are not counted: they say nothing about live data.
//
// Why a sentinel: this first looked, once a tick, for used bytes of the old generation
// that fell, since only a full GC frees old objects. A full GC also promotes the young
// generation's survivors, and when they outweigh the old garbage freed the old generation
// rises and the GC went unseen: of the self-gc.mjs fixture's GCs (2 MB/s kept, one every
// 1.3 s) it saw none in two 10 s runs (--passive --interval 1). A GC it did see was read
// up to a tick late, short of what the program had kept since and still held in the young
// generation: 523 KiB under the line through the forced points on leak-rate.mjs 1000 500 0
// (0.5 MiB/s live). The callback comes 7–9 ms after the GC starts, its pause included
// (one-off, a 2 MB/s program), and counted as many major GCs as PerformanceObserver's `gc`
// entries did (5 of 5). It costs a Symbol and a registry cell per full GC, nothing per
// scavenge; on the demo receiver under load, which runs no full GC of its own, nothing
// that shows (docs/benchmarks.md).
//
// A periodic probe takes a bound of a busy isolate instead of a full GC (bound() below)
// while its heap is flat, and of an idle one held to an exact point while the process's
// live heap is not rising (probe-isolate.cts), since on some targets one full GC costs far
// more than its pause: the demo receiver's main thread keeps a Map whose table V8
// reallocates in the generation it lives in, and once a full GC has moved that table to
// the old generation, every rehash allocates there, and the thread goes from no full GC in
// 60 s to about one a second (bench/forced-gc-regime.mjs, bench/map-table-regime.mjs).
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
import type { BoundMessage, GcMessage } from '../../../sources/agent-protocol.cjs';

const YOUNG_SPACES = new Set(['new_space', 'new_large_object_space']);
// A bound reads the heap this long, this often (60 reads), and while its lowest is still
// over the slack, on for up to BOUND_WINDOW_MAX_MS. On the demo receiver's busy main
// thread, with its closed-loop clients' data in flight, its bounds read 7.0–8.3 MiB over a
// 300 ms window and 6.9–7.7 over 1 s (12 bounds in 3 runs each of bench/probe-timeline.mjs,
// on copies of dist/ patched never to pause it, one of them with a 1 s window).
export const BOUND_WINDOW_MS = 300;
export const BOUND_WINDOW_MAX_MS = 1500;
const BOUND_POLL_MS = 5;
// A rise over the slack but not past this (LEAK_MIN_BYTES, analysis/leak-size.ts: what a
// verdict calls a leak) may be the heap's own swing: such a bound puts the pause off to the
// next probe, DEFER_PROBES times in a row at most. The demo receiver's main thread was
// still paused in 1 of 6 runs of 45 s with one, in 2 of 6 with two
// (bench/overhead.mjs --load-ms 45000): what is left is no swing that one more probe
// outlasts (docs/benchmarks.md), so one it is.
export const DEFER_MAX_BYTES = 1024 * 1024;
export const DEFER_PROBES = 1;

export class GcWatch {
  readonly #pid: number;
  readonly #threadId: number;
  // When the last full GC (natural or forced) was seen: a probe skips a fresh isolate.
  #lastFullMs = Number.NEGATIVE_INFINITY;
  // The last live point's bytes (a GC's, or the first bound's): what a bound is held to.
  #referenceBytes: number | undefined;
  // What rssdoctor's own work kept in this isolate after start (ownWork), left out of
  // every live point read since.
  #ownBytes = 0;
  // How many bounds in a row were over their slack and put the pause off.
  #deferred = 0;
  // The armed sentinel's number: a callback for any other is a GC of ours, or stopped.
  #sentinel = 0;
  // The callback runs in the target as a task of its own: nothing may throw out of it.
  readonly #registry = new FinalizationRegistry<number>((sentinel) => {
    try {
      this.#collected(sentinel);
    } catch {
      // the next sentinel is armed first: a failed read or listener loses one point only
    }
  });
  // Where each natural full GC's live point goes; before listen(), nowhere.
  #listener: ((message: GcMessage) => void) | undefined;

  constructor(pid: number, threadId: number) {
    this.#pid = pid;
    this.#threadId = threadId;
    this.#arm();
  }

  // Each natural full GC's live point as it is seen, from now on.
  listen(listener: (message: GcMessage) => void): void {
    this.#listener = listener;
  }

  // No more sentinels: nothing is left to run at the target's GCs.
  stop(): void {
    this.#sentinel = -1;
    this.#listener = undefined;
  }

  // A live point with no full GC, or null when only a full GC can give one: the lowest of
  // the heap's used bytes plus external memory over BOUND_WINDOW_MS, read every
  // BOUND_POLL_MS. Used bytes are never below live data, so that is an upper bound of the
  // live heap at some moment of the window, high by garbage. The lowest comes right after a
  // scavenge, once the young generation's garbage and the dead Buffers it held are gone: a
  // busy server scavenges many times a second. While that bound stays within slackBytes of
  // the last live point, the live heap cannot have grown by more; once it rose further,
  // garbage and a leak look alike until a full GC, and the probe forces one. An idle
  // program's young garbage waits for a scavenge that may not come for seconds, so its
  // bounds run out sooner, and it is paused, which costs it little.
  //
  // Nothing is collected for a bound. It used to run a scavenge, to empty the young
  // generation first: a scavenge soon after one of V8's own promotes what survived that
  // one, the demo receiver's rehashed Map table among it, and from then on every rehash
  // allocates in the old generation (the regime a full GC starts, above): two scavenges
  // in a row did it in `bench/map-table-regime.mjs --minor`. Reading the old generation
  // alone instead missed what a program keeps until it is promoted: a bound read 7.90 MiB
  // 0.2 s before a forced point read 9.38 on leak-rate.mjs 1000 500 0. And external memory
  // read once a tick, even at its lowest of five, climbed by 1.7 MiB over 40 s of load on
  // the receiver's main thread with no leak (its young generation grew, and dead Buffers
  // waited longer for a scavenge), where the lowest of a 200 ms window of the sum read
  // 6.8–8.2 MiB with no trend (a one-off preload on the plain receiver, docs/agent.md).
  //
  // A heap that swings is given time: the window reads on while the lowest is over the
  // slack, and a rise still over it but under DEFER_MAX_BYTES is sent `pauseDeferred` (not
  // a live point: it stands for no flat heap), up to DEFER_PROBES in a row. An idle
  // isolate's heap does not swing (busy false): its window is never read on and its
  // pause never put off. A leaking idle worker of `rssdoctor demo --leak` read on for 1.5 s
  // at each probe, which spread one probe over 4.6 s, and the run's leak read as flat (its
  // last rounds, the final probes, came at once). A pause for such a swing put the
  // receiver's main thread in the regime above for the rest of the run: after 45 s of load
  // the runs where it was paused peaked at 140–144 MiB, those where it was not at 135–136,
  // and the receiver alone at 128–131 (bench/overhead.mjs, docs/benchmarks.md).
  async bound(slackBytes: number, busy = true): Promise<BoundMessage | null> {
    const ownBytes = this.#ownBytes;
    const limitBytes =
      this.#referenceBytes === undefined || !busy
        ? undefined
        : this.#referenceBytes + slackBytes + ownBytes;
    const liveBytes = (await lowestUsedAndExternalBytes(limitBytes)) - ownBytes;
    const riseBytes = liveBytes - (this.#referenceBytes ??= liveBytes);
    const bound: BoundMessage = {
      t: 'bound',
      pid: this.#pid,
      threadId: this.#threadId,
      liveBytes,
      slackBytes,
    };
    const deferred = this.#deferred;
    this.#deferred = 0;
    if (riseBytes <= slackBytes) return bound;
    if (!busy || riseBytes > DEFER_MAX_BYTES || deferred >= DEFER_PROBES) return null;
    this.#deferred = deferred + 1;
    return { ...bound, pauseDeferred: true };
  }

  // A full GC now, with the heap after it: rssdoctor's own (`forced`).
  force(): GcMessage {
    const beforeBytes = v8.getHeapStatistics().used_heap_size;
    const startMs = performance.now();
    this.unwatched(fullGc);
    const endMs = performance.now();
    this.#lastFullMs = endMs;
    this.#deferred = 0;
    const after = v8.getHeapStatistics();
    this.#referenceBytes = after.used_heap_size + after.external_memory - this.#ownBytes;
    return {
      ...this.#full(true),
      pauseMs: endMs - startMs,
      heapBeforeBytes: beforeBytes,
      heapAfterBytes: after.used_heap_size,
      liveBytes: this.#referenceBytes,
    };
  }

  // Runs work that loads rssdoctor's own code and data into this isolate mid-run (the
  // inspector, when attribution starts) and counts what it keeps as the agent's, not the
  // program's: a full GC before and after, once. Without it the live series would step
  // up where attribution started, by 140 KiB in a one-off (node:inspector's code alone is
  // 100 KiB), and a step inside a comparison's window widens its rate's interval. The two
  // GCs give no live point (they are not the program's pace) and are not natural.
  ownWork<T>(work: () => T): { result: T; pauseMs: number } {
    const startMs = performance.now();
    const result = this.unwatched(() => {
      fullGc();
      const beforeBytes = usedAndExternalBytes();
      const done = work();
      fullGc();
      this.#ownBytes += Math.max(0, usedAndExternalBytes() - beforeBytes);
      return done;
    });
    return { result, pauseMs: performance.now() - startMs };
  }

  // Runs rssdoctor's own work with the sentinel given up before it and a new one armed
  // after: a GC within it (its own, or V8's while the work holds a heap profile's tree,
  // which read 240–390 KiB high on leak-rate.mjs) is not a live point of the program.
  unwatched<T>(work: () => T): T {
    if (this.#sentinel >= 0) this.#sentinel++;
    try {
      return work();
    } finally {
      this.#arm();
    }
  }

  get ownBytes(): number {
    return this.#ownBytes;
  }

  get lastFullMs(): number {
    return this.#lastFullMs;
  }

  // What a bound is held to; undefined before the first live point.
  get referenceBytes(): number | undefined {
    return this.#referenceBytes;
  }

  #arm(): void {
    if (this.#sentinel < 0) return;
    this.#sentinel++;
    this.#registry.register(Symbol('rssdoctor full-GC sentinel'), this.#sentinel);
  }

  #collected(sentinel: number): void {
    if (sentinel !== this.#sentinel) return;
    this.#arm();
    this.#lastFullMs = performance.now();
    this.#deferred = 0;
    const oldBytes = oldGenerationUsedBytes();
    const liveBytes = oldBytes + v8.getHeapStatistics().external_memory - this.#ownBytes;
    this.#referenceBytes = liveBytes;
    this.#listener?.({ ...this.#full(false), heapAfterBytes: oldBytes, liveBytes });
  }

  #full(forced: boolean): GcMessage {
    return { t: 'gc', pid: this.#pid, threadId: this.#threadId, kind: 'full', forced, count: 1 };
  }
}

function usedAndExternalBytes(): number {
  const heap = v8.getHeapStatistics();
  return heap.used_heap_size + heap.external_memory;
}

function oldGenerationUsedBytes(): number {
  let usedBytes = 0;
  for (const space of v8.getHeapSpaceStatistics()) {
    if (!YOUNG_SPACES.has(space.space_name)) usedBytes += space.space_used_size;
  }
  return usedBytes;
}

// The lowest used bytes plus external memory over BOUND_WINDOW_MS, and on to
// BOUND_WINDOW_MAX_MS while it is over limitBytes.
function lowestUsedAndExternalBytes(limitBytes: number | undefined): Promise<number> {
  const startMs = performance.now();
  let lowest = usedAndExternalBytes();
  return new Promise((resolve) => {
    const read = (): void => {
      lowest = Math.min(lowest, usedAndExternalBytes());
      const elapsedMs = performance.now() - startMs;
      const over = limitBytes !== undefined && lowest > limitBytes;
      if (elapsedMs >= (over ? BOUND_WINDOW_MAX_MS : BOUND_WINDOW_MS)) resolve(lowest);
      else setTimeout(read, BOUND_POLL_MS).unref();
    };
    setTimeout(read, BOUND_POLL_MS).unref();
  });
}
