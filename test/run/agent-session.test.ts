// The agent session with a real Node process: the environment it gives loads the agent,
// whose hello and GC messages become records; the final probe forces a full GC in it, the
// release probe measures RSS before and after, and closing leaves the target untouched.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import type { BodyRecord } from '../../src/recording/records.js';
import { openAgentSession } from '../../src/run/agent-session.js';
import { freshForMs, probeEveryMs } from '../../src/run/probe-pacing.js';
import { fixturePath } from '../support/paths.js';
import { until } from '../support/until.js';

// Keeps a little, churns a little, and lives until killed.
const PROGRAM =
  'const kept = []; setInterval(() => { kept.push(Buffer.alloc(64 * 1024)); Buffer.alloc(1 << 20); }, 20);';

test('agent session: a real Node process says hello, and the probes reach it', async () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'rssdoctor-agentsession-'));
  const records: BodyRecord[] = [];
  const session = await openAgentSession({
    directory,
    intervalMs: 200,
    durationMs: undefined,
    passive: false,
    attribution: false,
    nowMs: () => performance.now(),
    append: (record) => records.push(record),
  });
  const child = spawn(process.execPath, ['-e', PROGRAM], {
    env: session.env(process.env),
    stdio: 'ignore',
  });
  const pid = child.pid!;
  try {
    await until('the agent’s hello', () =>
      records.some((r) => r.type === 'note' && r.code === 'agent.hello' && r.pid === pid),
    );
    const hello = records.find((r) => r.type === 'note' && r.code === 'agent.hello');
    assert.ok(hello?.type === 'note');
    assert.equal(hello.runtime, 'node');
    // An `-e` program has no script: it goes by its runtime's name.
    assert.equal(hello.name, 'node');
    assert.deepEqual(session.pids(), [pid]);
    await session.finalProbe();
    await until('the forced full GC', () =>
      records.some((r) => r.type === 'gc' && r.pid === pid && r.forced && r.kind === 'full'),
    );
    await session.releaseProbe();
    const release = records.find(
      (r) => r.type === 'control' && r.pid === pid && r.action === 'release',
    );
    assert.ok(
      release?.type === 'control',
      JSON.stringify(records.filter((r) => r.type === 'control')),
    );
    await session.close();
    // Closing the session leaves the target running: only rssdoctor's side goes away.
    assert.equal(child.exitCode, null);
  } finally {
    child.kill('SIGKILL');
    await session.close();
  }
});

test('agent session: a busy isolate a little over its slack puts its pause off once, and the next probe waits its interval', async () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'rssdoctor-agentsession-'));
  const records: BodyRecord[] = [];
  const durationMs = 15_000;
  const session = await openAgentSession({
    directory,
    intervalMs: 200,
    durationMs,
    passive: false,
    attribution: false,
    nowMs: () => performance.now(),
    append: (record) => records.push(record),
  });
  const child = spawn(process.execPath, [fixturePath('busy-flat.mjs'), '8', '60', 'exact'], {
    env: session.env(process.env),
    stdio: 'ignore',
  });
  const pid = child.pid!;
  // The run's ticks, as run.ts gives them, but more often than the probes' interval.
  const ticks = setInterval(() => session.tick([pid]), 100);
  const bounds = (): Extract<BodyRecord, { type: 'bound' }>[] =>
    records.flatMap((r) => (r.type === 'bound' && r.pid === pid ? [r] : []));
  try {
    // Its first point is the fixture's full GC, so each bound's rise is what it keeps.
    await until('a first bound of the busy main thread', () => bounds().length > 0);
    assert.ok(
      records.some((r) => r.type === 'gc' && r.pid === pid && r.kind === 'full' && !r.forced),
      'no full GC before the first bound',
    );
    process.kill(pid, 'SIGUSR2');
    // On a timeout, what the main thread gave instead (one CI run saw no pause put off).
    const seen = (): string =>
      JSON.stringify(
        records.filter((r) => r.type === 'bound' || (r.type === 'gc' && r.kind === 'full')),
      );
    await until('a pause put off', () => bounds().some((b) => b.pauseDeferred === true)).catch(
      (error: Error) => {
        throw new Error(`${error.message}: ${seen()}`);
      },
    );
    const deferred = bounds().find((b) => b.pauseDeferred === true)!;
    // Still over its slack at the next probe: paused.
    const forced = (): BodyRecord | undefined =>
      records.find((r) => r.type === 'gc' && r.forced === true && r.tMs > deferred.tMs);
    await until('the pause at the next probe', () => forced() !== undefined);
    // The probe after the one put off started an interval later, not at the next tick.
    const next = records.find(
      (r) => r.type === 'control' && r.action === 'gc' && r.tMs > deferred.tMs + 100,
    );
    assert.ok(next?.type === 'control' && next.durationMs !== undefined);
    const startedAfterMs = next.tMs - next.durationMs - deferred.tMs;
    const dueMs = freshForMs(probeEveryMs(durationMs));
    assert.ok(startedAfterMs >= dueMs - 100, `the next probe started ${startedAfterMs} ms after`);
    assert.equal(bounds().filter((b) => b.pauseDeferred === true).length, 1);
  } finally {
    clearInterval(ticks);
    child.kill('SIGKILL');
    await session.close();
  }
});
