// A periodic probe on a real process with two workers: the worker whose own full GCs are
// recent is left alone, the main thread and the idle worker are forced; the final probe
// (no freshMs) forces every isolate.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { AgentMessage, GcMessage } from '../../../../src/sources/agent-protocol.cjs';
import { openAgentChannel } from '../../../../src/sources/agent-channel.js';
import { fixturePath } from '../../../support/paths.js';

const agentPath = fileURLToPath(
  new URL('../../../../src/runtimes/node/agent/agent.cjs', import.meta.url),
);

test('probe: an isolate with a recent full GC of its own is not forced; the others are, and the final probe forces all', async () => {
  const messages: AgentMessage[] = [];
  let heard: () => void = () => {};
  const channel = await openAgentChannel(mkdtempSync(path.join(tmpdir(), 'rssdoctor-probe-')), {
    onMessage: (message) => {
      messages.push(message);
      heard();
    },
    onMalformed: () => assert.fail('the agent sent a malformed line'),
  });
  const until = (check: () => boolean): Promise<void> =>
    new Promise((resolve) => {
      heard = () => {
        if (check()) resolve();
      };
      heard();
    });
  const child = spawn(process.execPath, ['--expose-gc', fixturePath('one-worker-gcs.mjs'), '30'], {
    env: {
      ...process.env,
      NODE_OPTIONS: `--require ${agentPath}`,
      RSSDOCTOR_AGENT_SOCKET: channel.socketPath,
      RSSDOCTOR_AGENT_INTERVAL_MS: '100',
    },
    stdio: 'ignore',
  });
  const fullGcs = (): GcMessage[] =>
    messages.filter((m): m is GcMessage => m.t === 'gc' && m.kind === 'full');
  try {
    const workers = (): number[] =>
      messages.flatMap((m) => (m.t === 'isolate' && m.event === 'start' ? [m.threadId] : []));
    await until(() => workers().length === 2);
    // The worker that GCs by itself: the first whose natural full GCs arrive.
    await until(() => fullGcs().some((gc) => !gc.forced && gc.threadId !== 0));
    const busy = fullGcs().find((gc) => !gc.forced && gc.threadId !== 0)!.threadId;
    const idle = workers().find((threadId) => threadId !== busy)!;

    const periodic = await channel.control(child.pid!, 'gc', 5000, { freshMs: 2000 });
    assert.ok(periodic !== null);
    const forcedBy = (from: number): number[] =>
      fullGcs()
        .slice(from)
        .filter((gc) => gc.forced)
        .map((gc) => gc.threadId);
    assert.deepEqual(forcedBy(0).sort(), [0, idle].sort());

    const before = fullGcs().length;
    const final = await channel.control(child.pid!, 'gc', 5000);
    assert.ok(final !== null);
    assert.deepEqual(forcedBy(before).sort(), [0, busy, idle].sort());
  } finally {
    child.kill();
    await channel.close();
  }
});
