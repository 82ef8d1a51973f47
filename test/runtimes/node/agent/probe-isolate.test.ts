// Periodic probes on a real process with three workers: the worker whose own full GCs are
// recent is left alone; the main thread and the idle worker are forced (an idle isolate pays
// little for an exact point); the busy worker, whose heap stays flat, gives a bound
// instead of a pause, within the share of the slack left to it. The final probe (no
// freshMs) forces every isolate.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
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

// three-workers.mjs with the agent, sending to socketPath.
function threeWorkers(socketPath: string, intervalMs: number): ChildProcess {
  return spawn(process.execPath, ['--expose-gc', fixturePath('three-workers.mjs'), '30'], {
    env: {
      ...process.env,
      NODE_OPTIONS: `--require ${agentPath}`,
      RSSDOCTOR_AGENT_SOCKET: socketPath,
      RSSDOCTOR_AGENT_INTERVAL_MS: String(intervalMs),
    },
    stdio: 'ignore',
  });
}

test('probe: bounds together may rise by under half the smallest growth called a leak', () => {
  assert.ok(BOUND_SLACK_TOTAL_BYTES > 0 && 2 * BOUND_SLACK_TOTAL_BYTES <= LEAK_MIN_BYTES);
  // A pause is put off only for a rise no verdict calls a leak; the agent cannot import it.
  assert.equal(DEFER_MAX_BYTES, LEAK_MIN_BYTES);
});

test('probe: a recent full GC leaves an isolate alone, a busy flat one gives a bound, the idle ones are forced; the final probe forces all', async () => {
  const { channel, messages, heard: until } = await listenToAgents();
  const child = threeWorkers(channel.socketPath, 100);
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

test('probe: with boundIdle an idle isolate with an exact point gives a bound too; every point carries its probe', async () => {
  const { channel, messages, heard: until } = await listenToAgents();
  // Heap figures once a second, as in a run: each is garbage in an idle isolate.
  const child = threeWorkers(channel.socketPath, 1000);
  const forced = (): GcMessage[] =>
    messages.filter((m): m is GcMessage => m.t === 'gc' && m.kind === 'full' && m.forced);
  const bounds = (): BoundMessage[] => messages.filter((m): m is BoundMessage => m.t === 'bound');
  const threads = (points: { threadId: number }[]): number[] =>
    points.map((point) => point.threadId).sort();
  try {
    const workers = (): number[] =>
      messages.flatMap((m) => (m.t === 'isolate' && m.event === 'start' ? [m.threadId] : []));
    await until(() => workers().length === 3);
    await until(() => messages.some((m) => m.t === 'gc' && !m.forced && m.threadId !== 0));
    const gcs = messages.find((m): m is GcMessage => m.t === 'gc' && m.threadId !== 0)!.threadId;
    const probe = { freshMs: 2000, boundIdle: true };

    const first = await channel.control(child.pid!, 'gc', 5000, probe);
    assert.ok(first !== null);
    // The busy worker gives a bound; the idle main thread and the worker that waits have no
    // exact point yet and are paused for one; the one that GCs by itself is left alone.
    assert.equal(bounds().length, 1, JSON.stringify(bounds()));
    const busy = bounds()[0]!.threadId;
    const waits = workers().find((id) => id !== gcs && id !== busy)!;
    assert.deepEqual(
      threads(forced()),
      [0, waits].sort(),
      JSON.stringify([...forced(), ...bounds()]),
    );
    assert.ok([...forced(), ...bounds()].every((point) => point.probe === first.id));

    // Once those pauses are older than freshMs (three heap figures of the main thread
    // later, a second apart), the idle isolates give bounds too.
    const heapsSoFar = messages.length;
    await until(
      () =>
        messages.slice(heapsSoFar).filter((m) => m.t === 'heap' && m.threadId === 0).length >= 3,
    );
    const second = await channel.control(child.pid!, 'gc', 5000, probe);
    assert.ok(second !== null);
    // The main thread, idle and held to its exact point, gives a bound, as the busy worker
    // does. The worker that waits may be paused again: the garbage its agent made since its
    // pause (its probe's code, its heap figures) waits for a scavenge that an idle heap
    // does not run, and an idle isolate puts no pause off.
    const secondBounds = threads(bounds().filter((bound) => bound.probe === second.id));
    const seen = JSON.stringify([...forced(), ...bounds()]);
    assert.ok(secondBounds.includes(0) && secondBounds.includes(busy), seen);
    const secondForced = threads(forced().filter((gc) => gc.probe === second.id));
    assert.ok(
      secondForced.every((id) => id === waits),
      seen,
    );

    const final = await channel.control(child.pid!, 'gc', 5000);
    assert.ok(final !== null);
    const finalForced = forced().filter((gc) => gc.probe === final.id);
    assert.deepEqual(threads(finalForced), [0, gcs, waits, busy].sort());
  } finally {
    child.kill();
    await channel.close();
  }
});
