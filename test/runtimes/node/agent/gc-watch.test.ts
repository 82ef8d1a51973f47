// GcWatch in this very process: a full GC it did not make is seen once, at the look after
// it, with the old generation's bytes after it; a look with no full GC in between sees none;
// its own forced GC is timed and read at once. The full GC "not made by the watch" is the
// agent's own fullGc(), called directly, as a natural one would run.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GcWatch } from '../../../../src/runtimes/node/agent/gc-watch.cjs';
import { fullGc } from '../../../../src/runtimes/node/agent/full-gc.cjs';

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
