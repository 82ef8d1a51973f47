// Python as a runtime: real CPython programs under `rssdoctor run`, the agent loaded
// through PYTHONPATH. Three light fixtures at once (each under 2 MiB/s of allocation), so
// the file takes about one 16 s run.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';
import { readRecording } from '../../../src/recording/reader.js';
import { SMALL_BLOCK_BYTES } from '../../../src/runtimes/python/words.js';
import { fixturePath, repoRoot } from '../../support/paths.js';
import { assertFixture } from '../../support/proc-watch.js';
import { runFixture, type FixtureRun } from '../../support/run-fixture.js';

const MIB = 1024 * 1024;
const RUN_ARGS = ['--duration', '16'];
const python = (name: string, ...args: string[]) => ['python3', fixturePath(name), ...args];

// A user's own sitecustomize on their PYTHONPATH: it must still run, after the agent.
const userSite = mkdtempSync(path.join(tmpdir(), 'rssdoctor-user-site-'));
const userMark = path.join(userSite, 'ran');
writeFileSync(
  path.join(userSite, 'sitecustomize.py'),
  `open(${JSON.stringify(userMark)}, "w").write("user sitecustomize ran")\n`,
);

let dicts: Promise<FixtureRun>;
let bytearrays: Promise<FixtureRun>;
let flat: Promise<FixtureRun>;

before(() => {
  const options = { intervalSeconds: '0.5' };
  dicts = runFixture(python('python-leak-dicts.py', '60', '10000'), RUN_ARGS, options);
  bytearrays = runFixture(python('python-leak-bytearrays.py', '60'), RUN_ARGS, {
    ...options,
    env: { ...process.env, PYTHONPATH: userSite },
  });
  flat = runFixture(python('churn-flat.py', '60'), RUN_ARGS, options);
  for (const run of [dicts, bytearrays, flat]) run.catch(() => {});
});

function liveGrowthBytes(run: FixtureRun): number {
  const live: number[] = [];
  for (const record of readRecording(run.recordingPath).records) {
    if (record.type === 'gc' && record.kind === 'full' && record.liveBytes !== undefined) {
      live.push(record.liveBytes);
    }
  }
  assert.ok(live.length >= 5, `${live.length} live points`);
  return live.at(-1)! - live[0]!;
}

test('python: the agent and the words count a pymalloc block alike', () => {
  const agent = readFileSync(
    path.join(repoRoot, 'src', 'runtimes', 'python', 'agent', 'sitecustomize.py'),
    'utf8',
  );
  assert.match(agent, new RegExp(`^SMALL_BLOCK_BYTES = ${SMALL_BLOCK_BYTES}$`, 'm'));
});

test('python: kept dicts are a leak of the live size, named python, never native-leak', async () => {
  const run = await dicts;
  assert.equal(run.report.processes[0]!.runtime, 'python');
  assert.equal(run.report.verdict, 'leak', run.report.reasons.map((r) => r.code).join(','));
  assert.ok(run.report.reasons.some((reason) => reason.code === 'live-heap-rising'));
  assert.ok(run.report.run.livePoints >= 5, `${run.report.run.livePoints} live points`);
  assert.ok(liveGrowthBytes(run) > 4 * MIB);
});

test('python: kept bytearrays (malloc, not pymalloc) are a leak too; the user sitecustomize still ran', async () => {
  const run = await bytearrays;
  assertFixture(run.rss.at(-1)! - run.rss[0]! > 10 * MIB, 'the fixture did not grow');
  assert.equal(run.report.verdict, 'leak', run.report.reasons.map((r) => r.code).join(','));
  assert.equal(readFileSync(userMark, 'utf8'), 'user sitecustomize ran');
});

test('python: a flat working set under churn is steady or retention; the agent wrote nothing to stdout', async () => {
  const run = await flat;
  assert.ok(
    ['steady', 'retention'].includes(run.report.verdict),
    run.report.reasons.map((r) => r.code).join(','),
  );
  assert.equal(run.report.processes[0]!.runtime, 'python');
  // The fixture prints one line; the agent's protocol would show as JSON lines.
  assert.equal(run.stdout.split('\n').filter((line) => line.startsWith('ready ')).length, 1);
  assert.doesNotMatch(run.stdout, /"t":/);
});
