import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildReport } from '../../src/report/build.js';
import { parseRecording } from '../../src/recording/reader.js';
import type { BodyRecord } from '../../src/recording/records.js';
import { thinRecords } from '../../src/recording/thin-records.js';
import { repoRoot } from '../support/paths.js';

const sample = (tMs: number, pid: number): BodyRecord => ({
  type: 'sample',
  tMs,
  pid,
  rssBytes: 1000 + tMs,
  rssAnonBytes: 1000 + tMs,
  rssFileBytes: 0,
  rssShmemBytes: 0,
  swapBytes: 0,
  threads: 1,
});
const minor = (tMs: number, threadId: number): BodyRecord => ({
  type: 'gc',
  tMs,
  pid: 1,
  threadId,
  kind: 'minor',
  forced: false,
  count: 3,
  pauseMs: 0.5,
});
const note = (tMs: number): BodyRecord => ({ type: 'note', tMs, code: 'process.start', text: 'x' });

function minorCount(records: BodyRecord[], threadId: number): number {
  let count = 0;
  for (const r of records) {
    if (r.type === 'gc' && r.kind === 'minor' && r.threadId === threadId) count += r.count ?? 1;
  }
  return count;
}

test('thinRecords: a long feed stays bounded; notes stay, minor GC counts stay whole', () => {
  const records: BodyRecord[] = [];
  const fed: BodyRecord[] = [];
  let thinned = false;
  for (let t = 0; t < 5000; t++) {
    const tick = [sample(t, 1), sample(t, 2), minor(t, 0), minor(t, 7)];
    if (t % 500 === 0) tick.push(note(t));
    for (const record of tick) {
      fed.push(record);
      records.push(record);
      thinned = thinRecords(records, 1000) || thinned;
      assert.ok(records.length <= 1000);
    }
  }
  assert.ok(thinned);
  assert.equal(records.filter((r) => r.type === 'note').length, 10);
  assert.equal(minorCount(records, 0), minorCount(fed, 0));
  assert.equal(minorCount(records, 7), minorCount(fed, 7));
  // Each series keeps its first record and its newest, in time order.
  for (const pid of [1, 2]) {
    const times = records.filter((r) => r.type === 'sample' && r.pid === pid).map((r) => r.tMs);
    assert.equal(times[0], 0);
    assert.equal(times[times.length - 1], 4999);
    for (let i = 1; i < times.length; i++) assert.ok(times[i]! > times[i - 1]!);
  }
});

test('thinRecords: under the cap nothing changes', () => {
  const records = [sample(0, 1), minor(0, 0)];
  assert.equal(thinRecords(records, 2), false);
  assert.equal(records.length, 2);
});

test('thinRecords: a recording with its older half thinned gives the verdict the whole one gives', () => {
  for (const [name, verdict] of [
    ['node-leak', 'leak'],
    ['node-steady', 'steady'],
    ['go-leak', 'leak'],
    ['jvm-leak', 'leak'],
  ] as const) {
    const file = path.join(repoRoot, 'test/fixtures/recordings', `${name}.ndjson`);
    const recording = parseRecording(readFileSync(file, 'utf8'));
    const whole = buildReport(recording, { recordingPath: null });
    const records = [...recording.records];
    assert.ok(thinRecords(records, records.length - 1));
    const thinned = buildReport({ ...recording, records }, { recordingPath: null });
    assert.equal(whole.verdict, verdict, name);
    assert.equal(thinned.verdict, verdict, name);
  }
});

test('thinRecords: thousands of series seen once each still thin under the cap', () => {
  const records: BodyRecord[] = [];
  for (let pid = 0; pid < 5000; pid++) {
    records.push(sample(pid, pid));
    thinRecords(records, 1000);
    assert.ok(records.length <= 1000);
  }
});
