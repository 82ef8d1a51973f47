// The agent and its channel on a real Node process: hello, per-isolate heap and GC
// messages, and the `gc` and `release` controls with RSS measured before and after.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { AgentMessage } from '../../src/sources/agent-protocol.cjs';
import { openAgentChannel } from '../../src/sources/agent-channel.js';
import { fixturePath } from '../support/paths.js';
import { until } from '../support/until.js';

const MIB = 1024 * 1024;
const agentPath = fileURLToPath(
  new URL('../../src/runtimes/node/agent/agent.cjs', import.meta.url),
);

test('agent channel: heap and GC messages arrive, malloc figures at a control, and release gives memory back', async () => {
  const messages: AgentMessage[] = [];
  const channel = await openAgentChannel(mkdtempSync(path.join(tmpdir(), 'rssdoctor-agent-')), {
    onMessage: (message) => messages.push(message),
    onMalformed: () => assert.fail('the agent sent a malformed line'),
  });
  // 200 MiB of 64 KiB Buffers, 15 of 16 then dropped: glibc keeps the freed chunks.
  const child = spawn(process.execPath, [fixturePath('retain-then-plateau.mjs'), '200', '30'], {
    env: {
      ...process.env,
      NODE_OPTIONS: `--require ${agentPath}`,
      RSSDOCTOR_AGENT_SOCKET: channel.socketPath,
      RSSDOCTOR_AGENT_INTERVAL_MS: '200',
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let filled = false;
  child.stdout.on('data', (chunk: Buffer) => (filled ||= chunk.toString().includes('filled')));
  const koffiLoaded = (): boolean =>
    readFileSync(`/proc/${child.pid}/maps`, 'utf8').includes('koffi.node');
  try {
    await until('the fixture filled and the agent sent heap figures', () => {
      return filled && messages.some((m) => m.t === 'heap' && m.threadId === 0);
    });
    assert.deepEqual(channel.pids(), [child.pid]);
    const hello = messages.find((m) => m.t === 'hello');
    assert.equal(hello?.t === 'hello' && hello.mallocAvailable, true);
    // koffi waits for the first control: the target does not carry it while it is watched.
    assert.equal(koffiLoaded(), false, 'koffi loaded before any control');
    // Nor does a periodic probe (freshMs) load it.
    assert.notEqual(await channel.control(child.pid!, 'gc', 5000, { freshMs: 10_000 }), null);
    assert.equal(koffiLoaded(), false, 'koffi loaded by a periodic probe');
    assert.equal(messages.filter((m) => m.t === 'malloc').length, 0);

    // Nor a forced GC of every isolate, as attribution's profiles take mid-run.
    const gc = await channel.control(child.pid!, 'gc', 5000, { sites: true });
    assert.ok(gc !== null && gc.action === 'gc');
    assert.ok(
      messages.some((m) => m.t === 'gc' && m.kind === 'full' && m.forced && m.liveBytes! > 0),
    );
    assert.equal(koffiLoaded(), false, 'koffi loaded by a forced GC without malloc');

    // The final probe asks for the figures the breakdown reads.
    await channel.control(child.pid!, 'gc', 5000, { malloc: true });
    assert.ok(messages.some((m) => m.t === 'malloc' && m.freeBytes >= 0));
    assert.equal(koffiLoaded(), true);

    const release = await channel.control(child.pid!, 'release', 5000);
    assert.ok(release !== null && release.trimmed);
    assert.ok(
      release.rssBeforeBytes !== undefined && release.rssAfterBytes !== undefined,
      'the agent read its RSS',
    );
    assert.ok(
      release.rssBeforeBytes - release.rssAfterBytes > 50 * MIB,
      `release: ${release.rssBeforeBytes / MIB} → ${release.rssAfterBytes / MIB} MiB`,
    );
    // The target goes on after the controls.
    assert.equal(child.exitCode, null);
  } finally {
    child.kill();
    await channel.close();
  }
});

test('agent channel: a control to a process with no agent answers null at once', async () => {
  const channel = await openAgentChannel(mkdtempSync(path.join(tmpdir(), 'rssdoctor-agent-')), {
    onMessage: () => {},
    onMalformed: () => {},
  });
  assert.equal(await channel.control(123456, 'gc', 1000), null);
  await channel.close();
});
