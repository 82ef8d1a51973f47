// GcWatch in this very process: a full GC it did not make is seen once, soon after it,
// with the old generation's bytes after it; scavenges, however many, are not seen; its own
// forced GC is timed and read at once, and not seen again. The full GC "not made by the
// watch" is the agent's own fullGc(), called directly, as a natural one would run.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GcWatch } from '../../../../src/runtimes/node/agent/gc-watch.cjs';
import { fullGc, scavenge } from '../../../../src/runtimes/node/agent/full-gc.cjs';
import type { GcMessage } from '../../../../src/sources/agent-protocol.cjs';
import * as v8 from 'node:v8';
import { until } from '../../../support/until.js';

// Arrays past V8's regular object size go straight to the large-object space, part of the
// old generation: garbage there is freed by a full GC only.
function oldGarbage(): void {
  let kept: number[][] | null = Array.from({ length: 8 }, () => new Array<number>(200_000).fill(1));
  assert.equal(kept.length, 8);
  kept = null;
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
  const gc = watch.force();
  assert.ok(gc.liveBytes! >= first.liveBytes + 4 * 1024 * 1024, 'what is kept is live');
  assert.equal(watch.referenceBytes, gc.liveBytes);
  const after = watch.bound(slackBytes);
  assert.ok(after !== null, 'the forced GC is the new reference');
  assert.ok(Math.abs(after.liveBytes - gc.liveBytes!) <= slackBytes);
  assert.equal(kept.length, 8);
});

test('GcWatch: a bound counts external memory at its lowest of the last ticks, not at a peak', () => {
  const watch = new GcWatch(process.pid, 0);
  watch.force();
  watch.noteExternal();
  // 8 MiB of Buffer in flight now, none at the tick before: the bound reads the tick's.
  const inFlight = Buffer.alloc(8 * 1024 * 1024, 1);
  const bound = watch.bound(256 * 1024);
  assert.ok(bound !== null, 'Buffers in flight are not growth');
  const heap = v8.getHeapStatistics();
  const peakBytes = heap.used_heap_size + heap.external_memory;
  assert.ok(bound.liveBytes <= peakBytes - 4 * 1024 * 1024, 'the peak was counted');
  assert.equal(inFlight.length, 8 * 1024 * 1024);
});

test("GcWatch: what rssdoctor's own work keeps is left out of every later live point", async () => {
  const { watch, seen } = watching();
  // Twice: an earlier test's Buffers leave external memory at the GC after the one that freed them.
  watch.force();
  const before = watch.force();
  // The work keeps 4 MiB (as loading the inspector keeps its code), held past the call.
  const { result: own, pauseMs } = watch.ownWork(() => new Array<number>(524_288).fill(4));
  assert.ok(pauseMs > 0);
  assert.ok(watch.ownBytes >= 3 * 1024 * 1024, `own ${watch.ownBytes} bytes`);
  assert.equal(await seenThroughNextGc(seen), 1, "ownWork's GCs seen as natural");
  const after = watch.force();
  const MIB = 1024 * 1024;
  assert.ok(
    Math.abs(after.liveBytes! - before.liveBytes!) < MIB,
    `live ${before!.liveBytes} → ${after!.liveBytes}`,
  );
  // What the program keeps still counts.
  const programs = new Array<number>(524_288).fill(5);
  const kept = watch.force();
  assert.ok(kept.liveBytes! - after.liveBytes! >= 3 * MIB);
  assert.equal(own.length + programs.length, 2 * 524_288);
});

test("GcWatch: a full GC during rssdoctor's own work is not the program's live point", async () => {
  const { watch, seen } = watching();
  // As V8 may run one while the agent holds a heap profile's tree.
  assert.equal(
    watch.unwatched(() => {
      fullGc();
      return 'done';
    }),
    'done',
  );
  assert.equal(await seenThroughNextGc(seen), 1, 'the GC within the work was seen');
  watch.stop();
});
