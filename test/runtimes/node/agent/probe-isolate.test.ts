// Periodic probes on a real process with three workers: the worker whose own full GCs are
// recent is left alone; the main thread and the idle worker are forced (an idle isolate pays
// little for an exact point); the busy worker, whose heap stays flat, gives a bound
// instead of a pause, within the share of the slack left to it. The final probe (no
// freshMs) forces every isolate.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { BoundMessage, GcMessage } from '../../../../src/sources/agent-protocol.cjs';
import { LEAK_MIN_BYTES } from '../../../../src/analysis/leak-size.js';
import { BOUND_SLACK_TOTAL_BYTES } from '../../../../src/runtimes/node/agent/probe-isolate.cjs';
import { DEFER_MAX_BYTES } from '../../../../src/runtimes/node/agent/gc-watch.cjs';
import { listenToAgents } from '../../../support/agent-listener.js';
import { fixturePath } from '../../../support/paths.js';

const agentPath = fileURLToPath(
  new URL('../../../../src/runtimes/node/agent/agent.cjs', import.meta.url),
);

test('probe: bounds together may rise by under half the smallest growth called a leak', () => {
  assert.ok(BOUND_SLACK_TOTAL_BYTES > 0 && 2 * BOUND_SLACK_TOTAL_BYTES <= LEAK_MIN_BYTES);
  // A pause is put off only for a rise no verdict calls a leak; the agent cannot import it.
  assert.equal(DEFER_MAX_BYTES, LEAK_MIN_BYTES);
});

test('probe: a recent full GC leaves an isolate alone, a busy flat one gives a bound, the idle ones are forced; the final probe forces all', async () => {
  const { channel, messages, heard: until } = await listenToAgents();
  const child = spawn(process.execPath, ['--expose-gc', fixturePath('three-workers.mjs'), '30'], {
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
  const bounds = (): BoundMessage[] => messages.filter((m): m is BoundMessage => m.t === 'bound');
  const forcedBy = (from: number): number[] =>
    fullGcs()
      .slice(from)
      .filter((gc) => gc.forced)
      .map((gc) => gc.threadId);
  try {
    const workers = (): number[] =>
      messages.flatMap((m) => (m.t === 'isolate' && m.event === 'start' ? [m.threadId] : []));
    await until(() => workers().length === 3);
    // The worker that GCs by itself: the first whose natural full GCs arrive.
    await until(() => fullGcs().some((gc) => !gc.forced && gc.threadId !== 0));
    const gcs = fullGcs().find((gc) => !gc.forced && gc.threadId !== 0)!.threadId;
    const others = workers().filter((threadId) => threadId !== gcs);

    assert.ok((await channel.control(child.pid!, 'gc', 5000, { freshMs: 2000 })) !== null);
    // One of the other two is busy and flat: its bound, no pause.
    assert.equal(bounds().length, 1, JSON.stringify(bounds()));
    const busy = bounds()[0]!.threadId;
    assert.ok(others.includes(busy));
    const waits = others.find((threadId) => threadId !== busy)!;
    assert.deepEqual(forcedBy(0).sort(), [0, waits].sort());
    // Its share of the slack: the workers go first, in the order they started, each given
    // what is left over the isolates still to go (the main thread last); the ones before it
    // used none (a fresh GC, a pause).
    const toGo = workers().length + 1 - workers().indexOf(busy);
    assert.equal(bounds()[0]!.slackBytes, BOUND_SLACK_TOTAL_BYTES / toGo);

    const before = fullGcs().length;
    const final = await channel.control(child.pid!, 'gc', 5000);
    assert.ok(final !== null);
    assert.deepEqual(forcedBy(before).sort(), [0, gcs, waits, busy].sort());
  } finally {
    child.kill();
    await channel.close();
  }
});
