// The pacer model on a synthetic run built by Go's own rule: 30 MiB of live data, 50 MiB/s
// allocated, GOGC=100, 4 MiB allocated during each mark.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GcRecord } from '../../../src/recording/records.js';
import { goalOf, pacerModel, type PacerSetting } from '../../../src/runtimes/go/pacer-model.js';

const MIB = 1024 * 1024;
const LIVE = 30 * MIB;
const MARK = 4 * MIB;
const RATE_PER_MS = (50 * MIB) / 1000;

function observedRun(): { gcs: GcRecord[]; sampleMs: number[] } {
  const gcs: GcRecord[] = [];
  let marked = LIVE + MARK;
  let tMs = 0;
  while (tMs < 20_000) {
    const goal = marked + marked; // GOGC=100, no stacks or globals
    tMs += (goal - marked) / RATE_PER_MS;
    gcs.push({
      type: 'gc',
      tMs,
      pid: 1,
      kind: 'full',
      forced: false,
      heapBeforeBytes: goal - MARK,
      heapAfterBytes: goal,
      liveBytes: LIVE + MARK,
      goalBytes: goal,
    });
    marked = LIVE + MARK;
  }
  return { gcs, sampleMs: Array.from({ length: 81 }, (_, i) => i * 250) };
}

const OBSERVED_STEADY = 80 * MIB;

function model() {
  const { gcs, sampleMs } = observedRun();
  const found = pacerModel({
    gcs,
    sampleMs,
    facts: null,
    steadyRssBytes: OBSERVED_STEADY,
    peakRssBytes: 82 * MIB,
    units: 100_000,
  });
  assert.ok(found !== null);
  return { found, observedGcs: gcs.length };
}

const at = (gogcPercent: number | null, memoryLimitBytes: number | null = null): PacerSetting => ({
  gogcPercent,
  memoryLimitBytes,
});

test('pacer model: the observed setting replays to what was observed', () => {
  const { found, observedGcs } = model();
  const same = found.predict(at(100));
  assert.ok(Math.abs(same.steadyRssBytes! - OBSERVED_STEADY) < 0.01 * OBSERVED_STEADY);
  assert.ok(Math.abs(same.gcs! - observedGcs) <= 1, `${same.gcs} of ${observedGcs}`);
});

test('pacer model: lower GOGC, less RSS and more GCs; higher, the reverse', () => {
  const { found } = model();
  const low = found.predict(at(25));
  const base = found.predict(at(100));
  const high = found.predict(at(400));
  assert.ok(
    low.steadyRssBytes! < base.steadyRssBytes! && base.steadyRssBytes! < high.steadyRssBytes!,
  );
  assert.ok(low.gcs! > base.gcs! && base.gcs! > high.gcs!);
  // GOGC=25 on 30 MiB of live data: runway 7.5 MiB, so the mark allocates at most 30% of it.
  assert.ok(low.heapGoalBytes! < (LIVE + MARK) * 1.25, `${low.heapGoalBytes! / MIB} MiB`);
  assert.equal(low.gcsPer1000Units, (low.gcs! * 1000) / 100_000);
});

test('pacer model: GOMEMLIMIT caps the goal; below the live heap it says so; off alone never collects', () => {
  const { found } = model();
  const capped = found.predict(at(400, 70 * MIB));
  assert.ok(capped.heapGoalBytes! <= 70 * MIB);
  assert.equal(capped.note, null);
  assert.match(found.predict(at(100, 20 * MIB)).note!, /below the live heap/);
  const off = found.predict(at(null));
  assert.equal(off.heapGoalBytes, null);
  assert.match(off.note!, /no GC at all/);
});

test('pacer goal: GOGC with its heap minimum, and the memory limit less what is not heap', () => {
  assert.equal(goalOf(10 * MIB, 2 * MIB, at(100), 0), 22 * MIB);
  assert.equal(goalOf(0, 0, at(100), 0), 4 * MIB);
  assert.equal(goalOf(10 * MIB, 0, at(100, 16 * MIB), 4 * MIB), 12 * MIB);
  assert.equal(goalOf(10 * MIB, 0, at(null), 0), null);
});
