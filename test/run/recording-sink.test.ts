// The sink with a real RecordingWriter: a run whose list was thinned gets its final
// report from every record on disk, or from the thinned list, said so, when the disk
// failed (/dev/full fails every write with ENOSPC).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { BodyRecord, HeaderRecord } from '../../src/recording/records.js';
import { RecordingWriter } from '../../src/recording/writer.js';
import { recordingHeader } from '../../src/run/recording-header.js';
import { recordingSink } from '../../src/run/recording-sink.js';

const header: HeaderRecord = recordingHeader({
  command: ['x'],
  spawnedCommand: ['x'],
  startedAt: new Date(0),
  intervalMs: 1000,
});
const sample = (tMs: number): BodyRecord => ({
  type: 'sample',
  tMs,
  pid: 1,
  rssBytes: 1000,
  rssAnonBytes: 1000,
  rssFileBytes: 0,
  rssShmemBytes: 0,
  swapBytes: 0,
  threads: 1,
});

function feed(outPath: string): { kept: BodyRecord[]; heard: number; report: () => unknown } {
  const writer = new RecordingWriter(outPath);
  const kept: BodyRecord[] = [];
  let heard = 0;
  const sink = recordingSink(writer, kept, () => heard++, 50);
  writer.append(header);
  for (let t = 0; t < 400; t++) sink.append(sample(t));
  sink.append({
    type: 'end',
    tMs: 400,
    exitCode: 0,
    signal: null,
    timedOut: false,
    interrupted: false,
    targetExited: true,
  });
  writer.close();
  return { kept, heard, report: () => sink.recording(header) };
}

test('recordingSink: a thinned list, and the final recording read back whole from disk', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-sink-'));
  try {
    const { kept, heard, report } = feed(path.join(dir, 'r.ndjson'));
    assert.ok(kept.length <= 50);
    assert.equal(heard, 401);
    const recording = report() as { records: BodyRecord[]; dataQuality: unknown[] };
    assert.equal(recording.records.length, 401);
    assert.deepEqual(recording.dataQuality, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('recordingSink: on a full disk the thinned list is what is left, and the report says so', () => {
  const { kept, report } = feed('/dev/full');
  const recording = report() as { records: BodyRecord[]; dataQuality: { code: string }[] };
  assert.equal(recording.records, kept);
  assert.ok(recording.records.some((r) => r.type === 'note' && r.code === 'recording.writeFailed'));
  assert.deepEqual(
    recording.dataQuality.map((note) => note.code),
    ['recording.thinned'],
  );
});
