// The projection against the real thing: a Node leak under a small --max-old-space-size is
// projected to die within its interval, checked against the same program run until V8
// kills it. (A steady target's null projection is asserted in node-fixtures.test.ts.)

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { fixturePath } from '../support/paths.js';
import { runFixture } from '../support/run-fixture.js';

const MIB = 1024 * 1024;
// 4 MiB/s asked, about 1.9 MiB/s kept on this machine (the timer falls behind): V8 kills it
// after about 26 s.
const LEAK = ['--max-old-space-size=48', fixturePath('leak-rate.mjs'), '4000', '2000', '0'];

test('projection: a Node leak under --max-old-space-size=48 dies within the projected interval', async () => {
  const run = await runFixture([process.execPath, ...LEAK], ['--duration', '10']);
  const { projection } = run.report;
  assert.equal(run.report.verdict, 'leak', run.report.reasons[0]?.text);
  assert.ok(projection !== null, 'no projection for a leak under a heap limit');
  assert.equal(projection.limitKind, 'v8-heap');
  assert.equal(projection.limitBytes, 48 * MIB);
  assert.equal(projection.series, 'live');
  assert.ok(projection.secondsToLimitHigh !== null, projection.text);

  // The same program alone, until V8 kills it at its heap limit.
  const started = performance.now();
  const child = spawn(process.execPath, LEAK, { stdio: 'ignore' });
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  const diedAtSeconds = (performance.now() - started) / 1000;
  assert.ok(code !== 0 || signal !== null, 'the leak exited cleanly: it was meant to die');

  const fromSeconds = projection.fromMs / 1000;
  const low = fromSeconds + projection.secondsToLimitLow;
  const high = fromSeconds + projection.secondsToLimitHigh;
  assert.ok(
    diedAtSeconds >= low && diedAtSeconds <= high,
    `died at ${diedAtSeconds.toFixed(1)} s; projected ${(fromSeconds + projection.secondsToLimit).toFixed(1)} s ` +
      `(${low.toFixed(1)}–${high.toFixed(1)} s): ${projection.text}`,
  );
});
