// GcWatch in this very process: a full GC it did not make is seen once, soon after it,
// with the old generation's bytes after it; scavenges, however many, are not seen; its own
// forced GC is timed and read at once, and not seen again. The full GC "not made by the
// watch" is the agent's own fullGc(), called directly, as a natural one would run.

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DEFER_PROBES, GcWatch } from '../../../../src/runtimes/node/agent/gc-watch.cjs';
import { fullGc } from '../../../../src/runtimes/node/agent/full-gc.cjs';
import type { BoundMessage, GcMessage } from '../../../../src/sources/agent-protocol.cjs';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { until } from '../../../support/until.js';

// Arrays past V8's regular object size go straight to the large-object space, part of the
// old generation: garbage there is freed by a full GC only.
function oldGarbage(): void {
  let kept: number[][] | null = Array.from({ length: 8 }, () => new Array<number>(200_000).fill(1));
  assert.equal(kept.length, 8);
  kept = null;
}

const gcWatchPath = fileURLToPath(
  new URL('../../../../src/runtimes/node/agent/gc-watch.cjs', import.meta.url),
);

// A scavenge (the young generation only), with `gc` taken as full-gc.cts takes it.
function scavenge(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as (options: { type: 'minor' }) => void)({ type: 'minor' });
}

// A watch in this process, with the natural GCs it sees.
function watching(): { watch: GcWatch; seen: GcMessage[] } {
  const watch = new GcWatch(process.pid, 0);
  const seen: GcMessage[] = [];
  watch.listen((message) => seen.push(message));
  return { watch, seen };
}

// How many natural GCs were seen through one more full GC not the watch's own: any
// callback still to come for an earlier GC comes before this one's.
async function seenThroughNextGc(seen: GcMessage[]): Promise<number> {
  const before = seen.length;
  fullGc();
  await until('a natural full GC is seen', () => seen.length > before);
  return seen.length;
}

test('GcWatch: a full GC it did not make is seen once, soon after, even when the old generation grew', async () => {
  const { watch, seen } = watching();
  // Young survivors that a full GC promotes, more than the old garbage it frees: the old
  // generation grows across the GC, which a look for a fall in it did not see.
  const young = Array.from({ length: 4096 }, (_, n) => new Array<number>(128).fill(n));
  fullGc();
  await until('the GC is seen', () => seen.length > 0);
  const [gc] = seen;
  assert.equal(gc!.kind, 'full');
  assert.equal(gc!.forced, false);
  assert.equal(gc!.pauseMs, undefined, 'a natural pause is not known');
  assert.ok(gc!.heapAfterBytes! >= 4 * 1024 * 1024, 'the promoted survivors are in it');
  assert.ok(gc!.liveBytes! >= gc!.heapAfterBytes!, 'live data is the heap plus external memory');
  assert.ok(watch.lastFullMs > 0);
  assert.equal(young.length, 4096);
  // A second natural GC: the watch armed a new sentinel, and saw the first GC once.
  assert.equal(await seenThroughNextGc(seen), 2);
  watch.stop();
});

test('GcWatch: once stopped, it sees nothing', async () => {
  const { watch, seen } = watching();
  watch.stop();
  // A second watch sees the GC, so the stopped one's callback has come by then.
  const other = watching();
  assert.equal(await seenThroughNextGc(other.seen), 1);
  assert.equal(seen.length, 0);
  other.watch.stop();
});

test('GcWatch: scavenges, however many, are not full GCs', async () => {
  const { watch, seen } = watching();
  oldGarbage();
  const kept = Array.from({ length: 4 }, () => new Array<number>(200_000).fill(2));
  for (let n = 0; n < 5; n++) scavenge();
  assert.equal(await seenThroughNextGc(seen), 1, 'a scavenge was seen');
  assert.equal(kept.length, 4);
  watch.stop();
});

test('GcWatch: its own GC is forced, timed and exact, and not seen again as natural', async () => {
  const { watch, seen } = watching();
  oldGarbage();
  const before = performance.now();
  const gc = watch.force();
  assert.equal(gc.forced, true);
  assert.ok(gc.pauseMs! > 0 && gc.pauseMs! <= performance.now() - before);
  assert.ok(gc.heapBeforeBytes! > gc.heapAfterBytes!, 'the garbage was freed');
  assert.ok(watch.lastFullMs >= before);
  // Armed again: the next GC not its own is seen, and the forced one was not.
  assert.equal(await seenThroughNextGc(seen), 1);
  assert.equal(seen[0]!.forced, false);
  watch.stop();
});

// A bound's window is read on unref'd timers (the agent keeps no target alive): something
// must hold this process open while one is awaited.
async function held<T>(work: Promise<T>): Promise<T> {
  const timer = setInterval(() => {}, 1000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

test('GcWatch: a bound holds while the heap stays within its slack, and a GC resets it', async () => {
  const watch = new GcWatch(process.pid, 0);
  watch.force();
  const slackBytes = 1024 * 1024;
  const first = await held(watch.bound(slackBytes));
  assert.ok(first !== null, 'right after a GC, the heap is the live point');
  assert.equal(first.t, 'bound');
  assert.equal(first.slackBytes, slackBytes);
  // 8 MiB kept: past the slack, only a GC can tell whether it is live.
  const kept = Array.from({ length: 8 }, () => new Array<number>(131_072).fill(3));
  assert.equal(await held(watch.bound(slackBytes)), null);
  const gc = watch.force();
  assert.ok(gc.liveBytes! >= first.liveBytes + 4 * 1024 * 1024, 'what is kept is live');
  assert.equal(watch.referenceBytes, gc.liveBytes);
  const after = await held(watch.bound(slackBytes));
  assert.ok(after !== null, 'the forced GC is the new reference');
  assert.ok(Math.abs(after.liveBytes - gc.liveBytes!) <= slackBytes);
  assert.equal(kept.length, 8);
});

// Runs `body` in a worker with a watch forced once (watch, a GcWatch), whose isolate runs
// nothing else: a test there measures the bound, not the test runner's garbage. `body`
// ends by posting its result.
async function inWorker<T>(body: string): Promise<T> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    const { PerformanceObserver } = require('node:perf_hooks');
    const v8 = require('node:v8');
    const vm = require('node:vm');
    const { GcWatch } = require(workerData);
    const watch = new GcWatch(process.pid, 1);
    watch.force();
    const hold = setInterval(() => {}, 1000);
    const post = (result) => {
      clearInterval(hold);
      parentPort.postMessage(result);
    };
    ${body}`,
    { eval: true, workerData: gcWatchPath },
  );
  try {
    const [result] = (await once(worker, 'message')) as [T];
    return result;
  } finally {
    await worker.terminate();
  }
}

test('GcWatch: a bound collects nothing', async () => {
  const { bound, kinds } = await inWorker<{ bound: unknown; kinds: number[] }>(`
    const kinds = [];
    new PerformanceObserver((list) => {
      kinds.push(...list.getEntries().map((entry) => entry.detail.kind));
    }).observe({ entryTypes: ['gc'] });
    // Young objects: a scavenge would move them, two would promote them.
    const young = Array.from({ length: 16 }, (_, n) => new Array(4096).fill(n));
    watch.bound(2 * 1024 * 1024).then((bound) => {
      // gc entries come in a task after their GC
      setTimeout(() => post({ bound, kinds, young: young.length }), 50);
    });`);
  assert.ok(bound !== null, 'young data within the slack is no growth');
  assert.deepEqual(kinds, [], 'the bound ran a GC');
});

test('GcWatch: a bound reads the lowest of its window: data that comes and goes is not growth', async () => {
  const { bound, peakBytes } = await inWorker<{
    bound: { liveBytes: number } | null;
    peakBytes: number;
  }>(`
    // 512 KiB of young objects in flight as the bound starts, collected before its window
    // ends: its first read is now, with them; the later ones come after the scavenge.
    let inFlight = Array.from({ length: 16 }, () => new Array(4096).fill(1));
    const heap = v8.getHeapStatistics();
    const peakBytes = heap.used_heap_size + heap.external_memory;
    const bounding = watch.bound(1024 * 1024);
    inFlight = null;
    v8.setFlagsFromString('--expose-gc');
    vm.runInNewContext('gc')({ type: 'minor' });
    bounding.then((bound) => post({ bound, peakBytes }));`);
  assert.ok(bound !== null, 'data in flight is not growth');
  assert.ok(bound.liveBytes <= peakBytes - 256 * 1024, 'the peak was counted');
});

test('GcWatch: a rise a little over the slack reads on, then puts the pause off DEFER_PROBES times', async () => {
  const { first, deferred, tookMs, paused, again, windowMaxMs } = await inWorker<{
    first: BoundMessage | null;
    deferred: (BoundMessage | null)[];
    tookMs: number;
    paused: BoundMessage | null;
    again: BoundMessage | null;
    windowMaxMs: number;
  }>(`
    const { BOUND_WINDOW_MAX_MS, DEFER_PROBES } = require(workerData);
    const slackBytes = 128 * 1024;
    // 512 KiB kept, outside the heap, with no garbage made: over the slack, under a leak's
    // size (DEFER_MAX_BYTES); this idle worker does not scavenge in the window.
    const keep = () => Array.from({ length: 16 }, () => new Float64Array(4096));
    // The window's own reads leave garbage that this idle worker would not scavenge for
    // seconds (a busy isolate scavenges many times a second): one before each bound.
    v8.setFlagsFromString('--expose-gc');
    const scavenge = vm.runInNewContext('gc');
    // Forced again: the context above is not the rise the test makes.
    watch.force();
    const bound = (slackBytes) => {
      scavenge({ type: 'minor' });
      return watch.bound(slackBytes);
    };
    (async () => {
      const first = await bound(slackBytes);
      const kept = [keep()];
      const started = performance.now();
      const deferred = [await bound(slackBytes)];
      const tookMs = performance.now() - started;
      while (deferred.length < DEFER_PROBES) deferred.push(await bound(slackBytes));
      const paused = await bound(slackBytes);
      // A full GC is a live point: the next rise over the slack is put off again.
      watch.force();
      kept.push(keep());
      const again = await bound(slackBytes);
      post({ first, deferred, tookMs, paused, again, windowMaxMs: BOUND_WINDOW_MAX_MS, kept: kept.length });
    })();`);
  assert.ok(first !== null && first.pauseDeferred === undefined, 'right after a GC: flat');
  assert.equal(deferred.length, DEFER_PROBES);
  for (const bound of deferred) {
    assert.ok(bound !== null, `a rise over the slack is put off: ${JSON.stringify(deferred)}`);
    assert.equal(bound.pauseDeferred, true);
    assert.ok(bound.liveBytes - first.liveBytes > 128 * 1024, 'what is kept is counted');
  }
  assert.ok(tookMs >= windowMaxMs, `a bound over its slack read for ${tookMs} ms`);
  assert.equal(paused, null, 'the next one in a row is paused');
  assert.equal(again?.pauseDeferred, true);
});
