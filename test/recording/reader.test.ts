import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { RssdoctorError } from '../../src/errors.js';
import { parseRecording } from '../../src/recording/reader.js';
import { buildReport } from '../../src/report/build.js';
import { damaged, mutatedFrom } from '../support/fuzz.js';
import { repoRoot } from '../support/paths.js';

const header = JSON.stringify({
  type: 'header',
  schemaVersion: 1,
  tool: 'rssdoctor',
  toolVersion: '0.0.0',
  command: ['x'],
  startedAt: '2026-01-01T00:00:00.000Z',
  intervalMs: 1000,
  host: {},
});
const sample = (tMs: number): string =>
  JSON.stringify({
    type: 'sample',
    tMs,
    pid: 1,
    rssBytes: 10,
    rssAnonBytes: 5,
    rssFileBytes: 5,
    rssShmemBytes: 0,
    swapBytes: 0,
    threads: 1,
  });
const end = JSON.stringify({
  type: 'end',
  tMs: 9,
  exitCode: 0,
  signal: null,
  timedOut: false,
  interrupted: false,
  targetExited: true,
});

test('reader: a whole recording has no data-quality notes and is not truncated', () => {
  const recording = parseRecording([header, sample(1), sample(2), end, ''].join('\n'));
  assert.equal(recording.records.length, 3);
  assert.equal(recording.truncated, false);
  assert.deepEqual(recording.dataQuality, []);
});

test('reader: a last line cut mid-record is skipped and the recording is truncated', () => {
  const text = [header, sample(1), sample(2)].join('\n') + '\n' + sample(3).slice(0, 25);
  const recording = parseRecording(text);
  assert.equal(recording.records.length, 2);
  assert.equal(recording.truncated, true);
  assert.deepEqual(recording.dataQuality.map((note) => note.code).sort(), [
    'recording.cutLine',
    'recording.noEnd',
  ]);
});

test('reader: a corrupt line inside is counted, skipped, and the rest is read', () => {
  const recording = parseRecording(
    [header, sample(1), '{"type":"sample","tMs":', sample(3), end, ''].join('\n'),
  );
  assert.equal(recording.records.length, 3);
  const note = recording.dataQuality.find((entry) => entry.code === 'recording.corruptLines');
  assert.match(note?.text ?? '', /1 line\(s\).*line 3/);
});

test('reader: a record with a missing number is corrupt, not trusted', () => {
  const bad = JSON.stringify({ type: 'sample', tMs: 1, pid: 1, rssBytes: 'lots' });
  const recording = parseRecording([header, bad, end, ''].join('\n'));
  assert.equal(recording.records.length, 1);
  assert.ok(recording.dataQuality.some((entry) => entry.code === 'recording.corruptLines'));
});

test('reader: a note without a code, a control without an action, a GC without a kind are corrupt; the report still builds', () => {
  const bad = [
    { type: 'note', tMs: 1, text: 'no code', pid: 1 },
    { type: 'note', tMs: 1, code: 'process.start', pid: 1 },
    { type: 'control', tMs: 1, pid: 1 },
    { type: 'gc', tMs: 1, pid: 1, liveBytes: 5 },
  ].map((record) => JSON.stringify(record));
  const recording = parseRecording([header, sample(1), ...bad, sample(2), end, ''].join('\n'));
  assert.equal(recording.records.length, 3);
  const corrupt = recording.dataQuality.find((entry) => entry.code === 'recording.corruptLines');
  assert.ok(corrupt !== undefined && corrupt.text.includes('4'), JSON.stringify(corrupt));
  assert.equal(buildReport(recording, { recordingPath: null }).verdict, 'inconclusive');
});

test('reader: unknown record types are skipped with a note', () => {
  const recording = parseRecording(
    [header, '{"type":"hologram","tMs":1}', sample(2), end, ''].join('\n'),
  );
  assert.equal(recording.records.length, 2);
  assert.match(recording.dataQuality[0]!.text, /unknown type "hologram"/);
});

test('reader: no header, an empty file, or a newer schema is unreadable', () => {
  for (const text of [
    '',
    sample(1) + '\n',
    'not json\n',
    header.replace('"schemaVersion":1', '"schemaVersion":99') + '\n',
  ]) {
    assert.throws(
      () => parseRecording(text, 'f.ndjson'),
      (error: unknown) => error instanceof RssdoctorError && error.code === 'recording.unreadable',
    );
  }
});

test('reader: a header without host facts is read, and the report still builds', () => {
  const text = [header.replace('"host":', '"ost":'), sample(0), sample(1000)].join('\n') + '\n';
  const recording = parseRecording(text, 'f.ndjson');
  assert.deepEqual(recording.header.host, {});
  assert.equal(buildReport(recording, { recordingPath: null }).pid, 1);
});

test('reader: a damaged recording is read as far as it can be, or refused with a typed error; the report still builds', () => {
  const lines = readFileSync(
    path.join(repoRoot, 'test', 'fixtures', 'recordings', 'node-leak.ndjson'),
    'utf8',
  )
    .split('\n')
    .slice(0, 80);
  const [head, ...body] = lines;
  // A whole recording with one or more of its lines damaged, or whole text damaged.
  const recording = fc.oneof(
    fc
      .tuple(fc.array(fc.tuple(fc.nat(body.length - 1), mutatedFrom(body)), { maxLength: 5 }))
      .map(([edits]) => {
        const copy = [...body];
        for (const [at, line] of edits) copy[at] = line;
        return [head, ...copy].join('\n');
      }),
    damaged([lines.join('\n'), head!]),
  );
  fc.assert(
    fc.property(recording, (text) => {
      let parsed;
      try {
        parsed = parseRecording(text, 'fuzz');
      } catch (error) {
        assert.ok(error instanceof RssdoctorError, String(error));
        assert.equal(error.code, 'recording.unreadable');
        return;
      }
      const report = buildReport(parsed, { recordingPath: null });
      assert.ok(typeof report.verdict === 'string');
    }),
    { numRuns: 300 },
  );
});
