// OS-level verdicts on real programs with no runtime source (Python programs run with
// --runtime other, so the Python agent stays out), each fixture's
// behaviour first checked from /proc independently of rssdoctor. Also: the JSON Report
// validates against the schema, and `rssdoctor report` recomputes the same verdict from
// the recording, whole and cut mid-line.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Report } from '../../src/report/report.js';
import { runCli } from '../support/cli.js';
import { fixturePath } from '../support/paths.js';
import { assertFixture } from '../support/proc-watch.js';
import { runFixture } from '../support/run-fixture.js';
import { assertValidReport } from '../support/validate-report.js';

const MIB = 1024 * 1024;

const runPython = (name: string, args: string[], runArgs: string[] = []) =>
  runFixture(['python3', fixturePath(name), ...args], ['--runtime', 'other', ...runArgs]);

async function reportOf(recordingPath: string): Promise<Report> {
  const result = await runCli(['report', recordingPath, '--json']);
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout) as Report;
  assertValidReport(report);
  return report;
}

test('os-growth: RSS that keeps growing is a leak, capped at 0.5, OS-level only', async () => {
  const run = await runPython('os-growth.py', ['8', '12']);
  assertFixture(run.rss.length >= 20, `watched only ${run.rss.length} readings`);
  const grewBytes = run.rss[run.rss.length - 1]! - run.rss[0]!;
  assertFixture(grewBytes >= 60 * MIB, `RSS grew ${grewBytes / MIB} MiB, expected ≥ 60 MiB`);

  assert.equal(run.report.verdict, 'leak');
  assert.equal(run.report.pid, run.fixturePid);
  assert.equal(run.report.runtime, 'other');
  assert.ok(run.report.confidence > 0 && run.report.confidence <= 0.5);
  assert.ok(run.report.reasons.some((reason) => reason.code === 'os-level-only'));
  // The slope is the fixture's 8 MiB/s within 25%.
  const slope = run.report.reasons.find((reason) => reason.code === 'rss-rising')!.figures
    .slopeBytesPerSecond!;
  assert.ok(Math.abs(slope - 8 * MIB) < 0.25 * 8 * MIB, `slope ${slope / MIB} MiB/s`);
  assert.equal(run.report.run.targetExited, true);
  assert.equal(run.report.run.exitCode, 0);

  // The recording is the user's data: owner-only.
  assert.equal(statSync(run.recordingPath).mode & 0o777, 0o600);

  const again = await reportOf(run.recordingPath);
  assert.equal(again.verdict, run.report.verdict);
  assert.equal(again.confidence, run.report.confidence);
  assert.deepEqual(again.reasons, run.report.reasons);

  // A copy cut mid-line, as if rssdoctor died while writing its last sample.
  const text = readFileSync(run.recordingPath, 'utf8');
  const lastSample = text.lastIndexOf('{"type":"sample"');
  const cutPath = `${run.recordingPath}.cut`;
  writeFileSync(cutPath, text.slice(0, lastSample + 30));
  const cut = await reportOf(cutPath);
  assert.equal(cut.verdict, run.report.verdict);
  assert.equal(cut.run.truncated, true);
  assert.ok(cut.dataQuality.some((note) => note.code === 'recording.cutLine'));
});

test('os-steady: flat RSS is steady; --duration stops the target', async () => {
  // The fixture would run 60 s; --duration stops it at 10 s, before any exit-time teardown.
  const run = await runPython('os-steady.py', ['40', '60'], ['--duration', '10']);
  const tail = run.rss.slice(3);
  assertFixture(tail.length >= 20, `watched only ${tail.length} readings`);
  const spread = Math.max(...tail) - Math.min(...tail);
  assertFixture(spread < 4 * MIB, `RSS moved ${spread / MIB} MiB, expected < 4 MiB`);
  assertFixture(Math.min(...tail) > 40 * MIB, 'RSS below the 40 MiB the fixture holds');

  assert.equal(run.report.verdict, 'steady');
  assert.equal(run.report.pid, run.fixturePid);
  assert.equal(run.report.run.timedOut, true);
  assert.equal(run.report.run.targetExited, false);
  assert.equal(run.report.run.signal, 'SIGTERM');
  assert.ok(run.report.run.durationMs >= 10_000 && run.report.run.durationMs < 14_000);
  const parts = run.report.breakdown.parts;
  assert.equal(
    parts.anon!.bytes! + parts.file!.bytes! + parts.shmem!.bytes!,
    run.report.breakdown.rssBytes,
  );
  // /proc/PID/status counters are per-CPU approximations (Linux ≥ 6.2): allow slack.
  assert.ok(parts.anon!.bytes! > 30 * MIB);
  assert.ok(run.report.tree.pssBytes !== null && run.report.tree.pssBytes > 0);
});

test('os-rise-then-plateau: a rise that levels off is retention', async () => {
  // Held flat for 4 s first: a rise in the first seconds would be the start-up, set aside.
  const run = await runPython('os-rise-then-plateau.py', ['100', '3', '15', '4']);
  const n = run.rss.length;
  assertFixture(n >= 40, `watched only ${n} readings`);
  const lastThird = run.rss.slice(Math.floor((2 * n) / 3));
  const rose = Math.min(...lastThird) - run.rss[0]!;
  const lastSpread = Math.max(...lastThird) - Math.min(...lastThird);
  assertFixture(rose >= 80 * MIB, `RSS rose ${rose / MIB} MiB, expected ≥ 80 MiB`);
  assertFixture(lastSpread < 2 * MIB, `last third moved ${lastSpread / MIB} MiB, expected flat`);

  assert.equal(run.report.verdict, 'retention');
  assert.ok(run.report.confidence <= 0.5);
  assert.ok(run.report.reasons.some((reason) => reason.code === 'rss-rise-then-plateau'));
});

test('process tree: behind a shell wrapper, the verdict names the leaking child, tree total in Pss', async () => {
  // `; exit` keeps sh alive as the parent instead of exec-ing python. The interpreter by its
  // real path: a `python3` that is a version manager's shim (pyenv) runs short-lived bash
  // helpers first, and a tick that catches them counts them in the tree.
  const python = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], {
    encoding: 'utf8',
  }).stdout.trim();
  const script = `"$1" "$0" 8 12; exit $?`;
  const { report, recordingPath, rss, fixturePid } = await runFixture(
    ['sh', '-c', script, fixturePath('os-growth.py'), python],
    ['--runtime', 'other'],
  );
  assertFixture(rss[rss.length - 1]! - rss[0]! >= 60 * MIB, 'the child did not grow');

  assert.equal(report.processes.length, 2);
  const shell = report.processes.find((process) => process.pid !== fixturePid)!;
  assert.equal(shell.name, 'sh');
  assert.notEqual(shell.verdict, 'leak');
  assert.equal(report.verdict, 'leak');
  assert.equal(report.pid, fixturePid);
  assert.equal(report.tree.processes, 2);
  // The tree total is the Pss of the last smaps_rollup tick; shared pages (libc, the
  // interpreter) count once there, so it is below the sum of RSS at that same tick.
  const samples = readFileSync(recordingPath, 'utf8')
    .trim()
    .split('\n')
    .map(
      (line) =>
        JSON.parse(line) as { type: string; tMs: number; rssBytes: number; pssBytes?: number },
    )
    .filter((record) => record.type === 'sample');
  const lastPssMs = Math.max(...samples.filter((s) => s.pssBytes !== undefined).map((s) => s.tMs));
  const atTick = samples.filter((s) => s.tMs === lastPssMs);
  assert.equal(atTick.length, 2);
  const pssSum = atTick.reduce((sum, s) => sum + s.pssBytes!, 0);
  const rssSum = atTick.reduce((sum, s) => sum + s.rssBytes, 0);
  assert.equal(report.tree.pssBytes, pssSum);
  assert.ok(pssSum > 0 && pssSum < rssSum, `Pss ${pssSum} vs RSS ${rssSum}`);
});
