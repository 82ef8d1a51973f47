// Attribution on real programs: each fixture has a leaking function that allocates far
// less than a decoy that makes garbage, and the top site must name the leaking one (Node
// by function, file and line, in `run` with the leak in a worker and in `attach`; the JVM
// by class). Go's is checked in the attach test of its pprof fixture.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Attribution } from '../../src/report/report.js';
import { listeningSockets } from '../../src/sources/proc-listen.js';
import { runCli } from '../support/cli.js';
import { buildJavaFixtures, javaSkip } from '../support/java.js';
import { fixturePath } from '../support/paths.js';
import { runFixture } from '../support/run-fixture.js';
import { attach, startAlone } from '../support/attach-cli.js';

const FIXTURE = fixturePath('leak-and-garbage.mjs');
// Where keepRequest starts, read from the fixture itself.
const KEEP_LINE =
  readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .findIndex((line) => line.startsWith('function keepRequest(')) + 1;

function assertNamesKeepRequest(attribution: Attribution): void {
  assert.equal(attribution.status, 'found', attribution.text);
  assert.equal(attribution.method, 'v8-sampling-heap-profile');
  const top = attribution.sites[0];
  assert.ok(top !== undefined, attribution.text);
  assert.equal(top.function, 'keepRequest', JSON.stringify(attribution.sites.slice(0, 3)));
  assert.ok(top.file?.endsWith('/leak-and-garbage.mjs'), top.file ?? 'no file');
  assert.equal(top.line, KEEP_LINE);
  // The decoy allocates 50 times more, and keeps nothing.
  const decoy = attribution.sites.find((site) => site.function === 'makeGarbage');
  assert.ok(decoy === undefined || decoy.growthBytes < top.growthBytes / 10, JSON.stringify(decoy));
}

test('run: the leaking function in a worker is the top site, not the garbage-making decoy', async () => {
  const run = await runFixture(
    [process.execPath, FIXTURE, '400', '20', 'worker', '60'],
    ['--duration', '15'],
  );
  const attribution = run.report.attribution;
  assertNamesKeepRequest(attribution);
  assert.equal(attribution.pid, run.fixturePid);
  // The first once the worker's live heap rose (run/live-rise.ts: five rising live points),
  // then at twice that age, and the final one.
  assert.ok(attribution.profiles >= 3, `${attribution.profiles} profiles`);
  assert.ok(attribution.topFiveShare !== null && attribution.topFiveShare > 0.5, attribution.text);
  // The worker's profiles are its own: sites records from a thread other than the main.
  const threads = readFileSync(run.recordingPath, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"type":"sites"'))
    .map((line) => (JSON.parse(line) as { threadId: number }).threadId);
  assert.ok(
    threads.some((threadId) => threadId !== 0),
    JSON.stringify(threads),
  );
  // The terminal report names it with its line.
  const terminal = await runCli(['report', run.recordingPath]);
  assert.match(terminal.stdout, /where the live heap grew \(V8 sampling heap profile\)/);
  assert.match(terminal.stdout, new RegExp(`keepRequest .*leak-and-garbage\\.mjs:${KEEP_LINE}`));
});

test('run --passive: no profile, and the report says why', async () => {
  const run = await runFixture(
    [process.execPath, FIXTURE, '400', '20', 'main', '60'],
    ['--duration', '3', '--passive'],
  );
  assert.equal(run.report.attribution.status, 'missing');
  assert.equal(run.report.attribution.profiles, 0);
  assert.match(run.report.attribution.text, /--passive/);
});

test('attach --inspector: the leaking function is the top site, and the profiler is stopped', async () => {
  const target = await startAlone(process.execPath, [FIXTURE, '400', '20', 'main', '90']);
  try {
    const { report } = await attach(['--inspector', '--duration', '12', String(target.pid)]);
    assertNamesKeepRequest(report.attribution);
    assert.deepEqual(listeningSockets(target.pid), []);
  } finally {
    target.child.kill('SIGKILL');
  }
});

test(
  'run: a JVM is attributed by class, the kept one above the garbage ones',
  { skip: javaSkip() },
  async () => {
    const classes = buildJavaFixtures();
    const run = await runFixture(
      ['java', '-Xmx256m', '-cp', classes, 'SessionLeak'],
      ['--duration', '12'],
    );
    const attribution = run.report.attribution;
    assert.equal(attribution.status, 'found', attribution.text);
    assert.equal(attribution.method, 'jvm-class-histogram');
    assert.equal(
      attribution.sites[0]?.className,
      'SessionLeak$Session',
      JSON.stringify(attribution.sites.slice(0, 3)),
    );
    // The histogram's full GC is a pause, measured.
    assert.ok(attribution.maxPauseMs !== null && attribution.maxPauseMs > 0);
  },
);
