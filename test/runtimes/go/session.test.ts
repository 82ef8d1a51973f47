// The Go session on a real Go program: its stderr on the session's trace file, GODEBUG from
// the session's environment. The trace becomes gc records of that process, with the proof
// that the trace is its own, and only Go processes get Go's heap ranges.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import type { BodyRecord } from '../../../src/recording/records.js';
import { openGoSession } from '../../../src/runtimes/go/session.js';
import { buildGoFixtures, goSkip } from '../../support/go.js';
import { until } from '../../support/until.js';

const skip = goSkip();

test(
  'go session: a real Go program’s trace becomes its gc records, proven its own',
  { skip },
  async () => {
    const binaries = buildGoFixtures();
    const directory = mkdtempSync(path.join(tmpdir(), 'rssdoctor-gosession-'));
    const records: BodyRecord[] = [];
    const echoed: Buffer[] = [];
    const session = openGoSession({
      directory,
      rootIsGo: true,
      quietTrace: true,
      echoStderr: (bytes) => echoed.push(bytes),
      nowMs: () => performance.now(),
      append: (record) => records.push(record),
    });
    // The leak fixture GCs about every second.
    const child = spawn(path.join(binaries, 'leak'), ['1024'], {
      env: session.env(process.env),
      stdio: ['ignore', 'ignore', session.stderrFd],
    });
    const pid = child.pid!;
    session.started(pid);
    try {
      await until(
        'two gc records and the proof',
        () =>
          records.filter((r) => r.type === 'gc').length >= 2 &&
          records.some((r) => r.type === 'go'),
        { poke: () => session.tick([pid]) },
      );
    } finally {
      child.kill('SIGKILL');
      session.close();
    }
    const gcs = records.filter((r) => r.type === 'gc');
    assert.ok(gcs.every((gc) => gc.pid === pid && gc.liveBytes !== undefined));
    const proof = records.find((r) => r.type === 'go');
    assert.ok(proof?.type === 'go');
    assert.equal(proof.pid, pid);
    assert.equal(proof.gctraceInEnviron, true);
    assert.equal(proof.stderrIsTraceFile, true);
    assert.equal(proof.traceExclusive, true);
    // quietTrace: the trace lines are not echoed (the program prints nothing else).
    assert.equal(Buffer.concat(echoed).toString().includes('gc 1 @'), false);
    assert.notEqual(session.heapRanges(pid), null);
    assert.equal(session.heapRanges(process.pid), null);
  },
);

test('go session: GODEBUG is merged into the user’s, not replaced', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'rssdoctor-gosession-'));
  const session = openGoSession({
    directory,
    rootIsGo: false,
    quietTrace: false,
    echoStderr: () => undefined,
    nowMs: () => 0,
    append: () => undefined,
  });
  try {
    const env = session.env({ GODEBUG: 'madvdontneed=1', PATH: '/bin' });
    assert.equal(env.PATH, '/bin');
    const settings = (env.GODEBUG ?? '').split(',').sort();
    assert.deepEqual(settings, ['gctrace=1', 'madvdontneed=1', 'scavtrace=1']);
  } finally {
    session.close();
  }
});
