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
