// GcWatch in this very process: a full GC it did not make is seen once, at the look after
// it, with the old generation's bytes after it; a look with no full GC in between sees none;
// its own forced GC is timed and read at once. The full GC "not made by the watch" is the
// agent's own fullGc(), called directly, as a natural one would run.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GcWatch } from '../../../../src/runtimes/node/agent/gc-watch.cjs';
import { fullGc, scavenge } from '../../../../src/runtimes/node/agent/full-gc.cjs';
import * as v8 from 'node:v8';

// Arrays past V8's regular object size go straight to the large-object space, part of the
// old generation: garbage there is freed by a full GC only.
function oldGarbage(): void {
  let kept: number[][] | null = Array.from({ length: 8 }, () => new Array<number>(200_000).fill(1));
  assert.equal(kept.length, 8);
  kept = null;
}

test('GcWatch: a full GC it did not make is seen once, at the next look', () => {
  const watch = new GcWatch(process.pid, 0);
  oldGarbage();
  // The tick before the GC: the garbage is counted, and nothing was freed yet.
  assert.deepEqual(watch.drain(), []);
  fullGc();
  const seen = watch.drain();
  assert.equal(seen.length, 1);
  const [gc] = seen;
  assert.equal(gc!.kind, 'full');
  assert.equal(gc!.forced, false);
  assert.equal(gc!.pauseMs, undefined, 'a natural pause is not known');
  assert.ok(gc!.heapAfterBytes! > 0);
  assert.ok(gc!.liveBytes! >= gc!.heapAfterBytes!, 'live data is the heap plus external memory');
  assert.deepEqual(watch.drain(), [], 'the same GC seen twice');
});

test('GcWatch: no full GC, nothing seen, however much was allocated', () => {
  const watch = new GcWatch(process.pid, 0);
  oldGarbage();
  const kept = Array.from({ length: 4 }, () => new Array<number>(200_000).fill(2));
  assert.deepEqual(watch.drain(), []);
  assert.equal(kept.length, 4);
});

test('GcWatch: its own GC is forced, timed and exact, and not seen again as natural', () => {
  const watch = new GcWatch(process.pid, 0);
  oldGarbage();
  const before = performance.now();
  const forced = watch.force();
  assert.equal(forced.length, 1);
  const [gc] = forced;
  assert.equal(gc!.forced, true);
  assert.ok(gc!.pauseMs! > 0 && gc!.pauseMs! <= performance.now() - before);
  assert.ok(gc!.heapBeforeBytes! > gc!.heapAfterBytes!, 'the garbage was freed');
  assert.ok(watch.lastFullMs >= before);
  assert.deepEqual(watch.drain(), []);
});

test('GcWatch: a bound holds while the old generation stays within its slack, and a GC resets it', () => {
  const watch = new GcWatch(process.pid, 0);
  watch.force();
  const slackBytes = 256 * 1024;
  const first = watch.bound(slackBytes);
  assert.ok(first !== null, 'right after a GC, the old generation is the live point');
  assert.equal(first.t, 'bound');
  assert.equal(first.slackBytes, slackBytes);
  // 8 MiB kept, moved to the old generation by two scavenges: past the slack, only a GC
  // can tell whether it is live.
  const kept = Array.from({ length: 8 }, () => new Array<number>(131_072).fill(3));
  scavenge();
  scavenge();
  assert.equal(watch.bound(slackBytes), null);
  const [gc] = watch.force();
  assert.ok(gc!.liveBytes! >= first.liveBytes + 4 * 1024 * 1024, 'what is kept is live');
  assert.equal(watch.referenceBytes, gc!.liveBytes);
  const after = watch.bound(slackBytes);
  assert.ok(after !== null, 'the forced GC is the new reference');
  assert.ok(Math.abs(after.liveBytes - gc!.liveBytes!) <= slackBytes);
  assert.equal(kept.length, 8);
});

test('GcWatch: a bound counts external memory at its lowest of the last looks, not at a peak', () => {
  const watch = new GcWatch(process.pid, 0);
  watch.force();
  watch.drain();
  // 8 MiB of Buffer in flight now, none at the look before: the bound reads the look's.
  const inFlight = Buffer.alloc(8 * 1024 * 1024, 1);
  const bound = watch.bound(256 * 1024);
  assert.ok(bound !== null, 'Buffers in flight are not growth');
  const heap = v8.getHeapStatistics();
  const peakBytes = heap.used_heap_size + heap.external_memory;
  assert.ok(bound.liveBytes <= peakBytes - 4 * 1024 * 1024, 'the peak was counted');
  assert.equal(inFlight.length, 8 * 1024 * 1024);
});
