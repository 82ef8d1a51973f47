// The agent loads its probe at the first one (agent.cts): a probe whose module is gone by
// then (the package removed or upgraded under a long run) is skipped, unanswered, and the
// target and its agent go on.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { listenToAgents } from '../../../support/agent-listener.js';
import { fixturePath } from '../../../support/paths.js';

// The built src/ tree: the agent requires its modules relative to itself.
const builtSrc = fileURLToPath(new URL('../../../../src/', import.meta.url));

test('agent: a probe whose module is gone is skipped; the target and its agent go on', async () => {
  const copy = mkdtempSync(path.join(tmpdir(), 'rssdoctor-agent-copy-'));
  cpSync(builtSrc, copy, { recursive: true });
  const { channel, messages, heard: until } = await listenToAgents();
  const child = spawn(process.execPath, ['--expose-gc', fixturePath('three-workers.mjs'), '30'], {
    env: {
      ...process.env,
      NODE_OPTIONS: `--require ${path.join(copy, 'runtimes/node/agent/agent.cjs')}`,
      RSSDOCTOR_AGENT_SOCKET: channel.socketPath,
      RSSDOCTOR_AGENT_INTERVAL_MS: '100',
    },
    stdio: 'ignore',
  });
  const heapsFrom = (from: number, threadId: number): number =>
    messages.slice(from).filter((m) => m.t === 'heap' && m.threadId === threadId).length;
  try {
    await until(
      () => messages.filter((m) => m.t === 'isolate' && m.event === 'start').length === 3,
    );
    rmSync(path.join(copy, 'runtimes/node/agent/probe-isolate.cjs'));
    assert.equal(await channel.control(child.pid!, 'gc', 1500, { freshMs: 2000 }), null);
    const after = messages.length;
    const worker = messages.find((m) => m.t === 'isolate')!.threadId;
    // Still reporting, from the main thread and a worker, after the skipped probe.
    await until(() => heapsFrom(after, 0) >= 2 && heapsFrom(after, worker) >= 2);
    assert.equal(child.exitCode, null);
    assert.equal(child.signalCode, null);
    assert.ok(!messages.some((m) => m.t === 'gc' && m.forced), 'a probe ran without its module');
  } finally {
    child.kill('SIGKILL');
    await channel.close();
    rmSync(copy, { recursive: true, force: true });
  }
});
