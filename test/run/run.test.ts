// startRun with real processes, at OS level (no runtime source): the records it keeps are
// the list it was given and the recording on disk; an interrupt stops the target's whole
// group; a command that cannot start is a typed error, with the recording left complete.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { isRssdoctorError } from '../../src/errors.js';
import type { BodyRecord } from '../../src/recording/records.js';
import { startRun } from '../../src/run/run.js';

function recordingPath(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'rssdoctor-runtest-')), 'run.ndjson');
}

function linesOf(file: string): { type: string; code?: string }[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; code?: string });
}

test('run: the records kept are the list given, and the recording holds the same', async () => {
  const outPath = recordingPath();
  const records: BodyRecord[] = [];
  const handle = startRun({
    command: ['python3', '-c', 'import time; time.sleep(1.5)'],
    runtime: 'other',
    intervalMs: 200,
    outPath,
    records,
  });
  const report = await handle.done;
  assert.ok(report.run.samples >= 3, `${report.run.samples} samples`);
  assert.equal(records.filter((r) => r.type === 'sample').length, report.run.samples);
  const last = records[records.length - 1];
  assert.equal(last?.type, 'end');
  assert.equal(last?.type === 'end' && last.targetExited, true);
  // The header, then exactly the records kept.
  assert.equal(linesOf(outPath).length, records.length + 1);
});

test('run: an interrupt ends the target’s whole group, and the report says so', async () => {
  const outPath = recordingPath();
  let rootPid = 0;
  // A shell with a child of its own: both must be gone after the interrupt.
  const handle = startRun({
    command: ['sh', '-c', 'sleep 60 & wait'],
    runtime: 'other',
    intervalMs: 200,
    outPath,
    onStart: ({ pid }) => {
      rootPid = pid;
    },
    onTick: (progress) => {
      if (progress.processes >= 2) handle.interrupt();
    },
  });
  const report = await handle.done;
  assert.equal(report.run.interrupted, true);
  assert.ok(rootPid > 0);
  assert.throws(() => process.kill(rootPid, 0), /ESRCH/);
  const pids = new Set(report.processes.map((p) => p.pid));
  assert.ok(pids.size >= 2, `processes seen: ${[...pids].join(',')}`);
  for (const pid of pids)
    assert.throws(() => process.kill(pid, 0), /ESRCH/, `pid ${pid} is still alive`);
});

test('run: a command that cannot start is a typed error, and the recording is complete', async () => {
  const outPath = recordingPath();
  const handle = startRun({
    command: [path.join(tmpdir(), 'rssdoctor-no-such-program')],
    runtime: 'other',
    outPath,
  });
  await assert.rejects(handle.done, (error: unknown) => {
    assert.ok(isRssdoctorError(error), String(error));
    assert.match(error.code, /^target\./);
    return true;
  });
  const lines = linesOf(outPath);
  assert.equal(lines[0]?.type, 'header');
  assert.ok(lines.some((line) => line.type === 'note' && line.code?.startsWith('target.')));
  assert.equal(lines[lines.length - 1]?.type, 'end');
});

// Issue 20: timedOut meant "rssdoctor ended it", so stop() read as --duration.
test('run: timedOut only when --duration ends the run; stop() says stopped', async () => {
  const endings = [];
  for (const how of ['duration', 'stop'] as const) {
    const handle = startRun({
      command: ['sleep', '30'],
      runtime: 'other',
      intervalMs: 100,
      outPath: recordingPath(),
      ...(how === 'duration' ? { durationMs: 500 } : {}),
      onTick: (progress) => {
        if (how === 'stop' && progress.samples >= 3) handle.stop();
      },
    });
    const { run } = await handle.done;
    endings.push({ how, timedOut: run.timedOut, stopped: run.stopped, exited: run.targetExited });
    assert.equal(run.interrupted, false);
  }
  assert.deepEqual(endings, [
    { how: 'duration', timedOut: true, stopped: false, exited: false },
    { how: 'stop', timedOut: false, stopped: true, exited: false },
  ]);
});
