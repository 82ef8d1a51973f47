// compare on real recordings: a leaking program and its fixed version (the same program
// with its cache capped), and the leaking one twice. Improved one way, regressed the
// other, unchanged on two runs of the same program. The three runs share the machine at
// once, so the two runs of the leak see the same load.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Comparison } from '../../src/compare/comparison.js';
import { runCli } from '../support/cli.js';
import { fixturePath } from '../support/paths.js';
import { runFixture, type FixtureRun } from '../support/run-fixture.js';
import { assertValidComparison } from '../support/validate-report.js';

// 1 MiB/s kept; the fix caps the kept objects at 2 MiB (a bounded cache).
const LEAK = [process.execPath, fixturePath('leak-rate.mjs'), '1000', '500', '0'];
const FIXED = [...LEAK, '2'];
let leak: FixtureRun;
let leakAgain: FixtureRun;
let fixed: FixtureRun;

// Long enough for `unchanged`, which needs the 95% interval of the two rates' difference
// inside ±δ (about ±130 KiB/s here): each rate is read from the second half of its run,
// 7–8 live points at 24 s. The interval was ±9 and ±11 KiB/s in two local pairs of runs.
// It was ±468 in one CI run while the agent still loaded koffi at attribution's first
// profile: a 250 KiB step in the live series, which a busy machine put inside the half.
const DURATION_S = '24';

before(async () => {
  const runs = await Promise.all(
    [LEAK, LEAK, FIXED].map((command) => runFixture(command, ['--duration', DURATION_S])),
  );
  [leak, leakAgain, fixed] = runs as [FixtureRun, FixtureRun, FixtureRun];
});

async function compare(a: string, b: string, ...options: string[]) {
  const cli = await runCli(['compare', a, b, '--json', ...options]);
  const comparison = JSON.parse(cli.stdout) as Comparison;
  assertValidComparison(comparison);
  return { cli, comparison };
}

test('compare: the fix is improved, with the live heap rates and a significant difference', async () => {
  assert.equal(leak.report.verdict, 'leak');
  const { cli, comparison } = await compare(leak.recordingPath, fixed.recordingPath);
  assert.equal(cli.code, 0, cli.stderr);
  assert.equal(comparison.verdict, 'improved', comparison.text);
  assert.equal(comparison.overall.series, 'live');
  assert.ok(comparison.overall.difference!.pValue < 0.05);
  assert.ok(comparison.overall.difference!.highBytesPerSecond < 0);
  assert.match(cli.stderr, /^compare: improved/m);
});

test('compare: the other way is regressed, and --fail-on regressed exits 1', async () => {
  const { cli, comparison } = await compare(
    fixed.recordingPath,
    leak.recordingPath,
    '--fail-on',
    'regressed',
  );
  assert.equal(comparison.verdict, 'regressed', comparison.text);
  assert.equal(cli.code, 1);
});

test('compare: two runs of the same leak are unchanged; Report JSONs stand for their recordings', async () => {
  const reports = [leak, leakAgain].map((run) =>
    path.join(path.dirname(run.recordingPath), 'report.json'),
  );
  for (const file of reports) assert.ok(readFileSync(file, 'utf8').startsWith('{'));
  const { cli, comparison } = await compare(reports[0]!, reports[1]!, '--fail-on', 'regressed');
  assert.equal(comparison.verdict, 'unchanged', comparison.text);
  assert.equal(cli.code, 0);
  assert.equal(comparison.before.path, leak.recordingPath);
});

test('compare: a file that is neither is a one-line error naming what to pass', async () => {
  const cli = await runCli(['compare', fixturePath('leak-rate.mjs'), leak.recordingPath]);
  assert.equal(cli.code, 3);
  assert.match(cli.stderr, /^rssdoctor: .*leak-rate\.mjs/);
  assert.equal(cli.stderr.trim().split('\n').length, 1);
});
