// Node verdicts from the agent on real programs, each fixture's behaviour first checked
// from /proc independently of rssdoctor.

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Report } from '../../src/report/report.js';
import { runCli, spawnCli } from '../support/cli.js';
import { fixturePath, repoRoot } from '../support/paths.js';
import { assertFixture } from '../support/proc-watch.js';
import { runFixture, type FixtureRun } from '../support/run-fixture.js';

const MIB = 1024 * 1024;
const runNode = (name: string, args: string[], runArgs: string[] = ['--duration', '15']) =>
  runFixture([process.execPath, fixturePath(name), ...args], runArgs);

function grewBytes(run: FixtureRun): number {
  const settled = run.rss.slice(3);
  return settled[settled.length - 1]! - settled[0]!;
}

function records(
  run: FixtureRun,
): Array<{ type: string; kind?: string; forced?: boolean; liveBytes?: number }> {
  return readFileSync(run.recordingPath, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string });
}

function assertNodeLeak(report: Report, pid: number): void {
  assert.equal(report.verdict, 'leak');
  assert.equal(report.pid, pid);
  assert.equal(report.runtime, 'node');
  assert.ok(report.confidence > 0.9, `confidence ${report.confidence}`);
  assert.ok(report.reasons.some((reason) => reason.code === 'live-heap-rising'));
}

test('leak-linear: live data that keeps growing is a leak, with forced live points marked', async () => {
  // 256, not 512: forced pauses are held to 2% of the run, and a full GC's pause grows
  // with the heap. At 512 (1.4 MiB/s live) a 15 s run got 9–12 live points here, and 7 once
  // when one forced GC took 190 ms, under the 8 a leak needs to stand alone; at 256, 13–18.
  const run = await runNode('leak-linear.mjs', ['256', '60']);
  assertFixture(
    grewBytes(run) >= 5 * MIB,
    `RSS grew ${grewBytes(run) / MIB} MiB, expected ≥ 5 MiB`,
  );
  assertNodeLeak(run.report, run.fixturePid);
  assert.ok(run.report.run.livePoints >= 8);
  assert.ok(run.report.run.forcedGcs >= 1);
  const forcedFull = records(run).filter(
    (r) => r.type === 'gc' && r.kind === 'full' && r.forced === true,
  );
  assert.ok(forcedFull.length >= 1 && forcedFull.every((r) => typeof r.liveBytes === 'number'));
  // The same verdict from the recording.
  const again = await runCli(['report', run.recordingPath, '--json']);
  assert.equal((JSON.parse(again.stdout) as Report).verdict, 'leak');
});

test('native-leak: malloc through koffi with a flat JS heap is a native leak', async () => {
  const run = await runNode('native-leak.mjs', ['2048', '60']);
  assertFixture(
    grewBytes(run) >= 20 * MIB,
    `RSS grew ${grewBytes(run) / MIB} MiB, expected ≥ 20 MiB`,
  );
  assert.equal(run.report.verdict, 'native-leak');
  assert.equal(run.report.pid, run.fixturePid);
  const reason = run.report.reasons.find((r) => r.code === 'native-rising')!;
  // 2 MiB/s malloc'd; the off-heap slope is within 30% of it.
  assert.ok(Math.abs(reason.figures.slopeBytesPerSecond! - 2 * MIB) < 0.3 * 2 * MIB);
});

test('worker-leak: one worker keeps data, the verdict is leak and names that worker', async () => {
  const run = await runNode('worker-leak.mjs', ['512', '60']);
  assertFixture(
    grewBytes(run) >= 10 * MIB,
    `RSS grew ${grewBytes(run) / MIB} MiB, expected ≥ 10 MiB`,
  );
  const leaky = Number(/workers flat=\d+ leaky=(\d+)/.exec(run.stdout)?.[1]);
  assertFixture(Number.isInteger(leaky), 'the fixture did not print its worker ids');
  assertNodeLeak(run.report, run.fixturePid);
  const named = run.report.reasons.find((reason) => reason.code === 'leaking-isolate');
  assert.equal(named?.figures.threadId, leaky);
  assert.match(named?.text ?? '', new RegExp(`worker thread ${leaky}`));
});

test('retain-then-plateau: freed Buffers that glibc keeps are retention, not a leak', async () => {
  const run = await runNode('retain-then-plateau.mjs', ['200', '60']);
  const n = run.rss.length;
  const lastThird = run.rss.slice(Math.floor((2 * n) / 3));
  assertFixture(
    Math.min(...lastThird) >= 150 * MIB,
    `RSS fell to ${Math.min(...lastThird) / MIB} MiB after the drop`,
  );
  assertFixture(
    Math.max(...lastThird) - Math.min(...lastThird) < 10 * MIB,
    'RSS not flat after the drop',
  );
  assert.equal(run.report.verdict, 'retention');
  const reason = run.report.reasons.find((r) => r.code === 'rss-above-live')!;
  assert.ok(reason.figures.heldBytes! > 100 * MIB);
  assert.ok(reason.figures.liveBytes! < 50 * MIB);
});

test('steady: a program with flat live data is steady or retention', async () => {
  const run = await runNode('steady.mjs', ['3', '60'], ['--duration', '20', '--deep']);
  const tail = run.rss.slice(Math.floor(run.rss.length / 2));
  assertFixture(
    Math.max(...tail) - Math.min(...tail) < 15 * MIB,
    'RSS not flat in the second half',
  );
  assert.ok(['steady', 'retention'].includes(run.report.verdict), run.report.reasons[0]?.text);
  assert.equal(run.report.runtime, 'node');
  // Its limits are known, and it approaches none of them.
  assert.ok(run.report.limits.some((cap) => cap.kind === 'v8-heap' && cap.limitBytes > 0));
  assert.equal(run.report.projection, null);
  // --deep: the threads' stacks, found from their stack pointers, in the breakdown.
  const stacks = run.report.breakdown.parts.stacks!;
  assert.ok(stacks.bytes !== null && stacks.bytes > 0, JSON.stringify(stacks));
  assert.match(stacks.why!, /^\d+ of \d+ threads' stacks found/);
});

test('busy-flat: a saturated main thread with a flat heap is steady, from bounds, not pauses', async () => {
  const run = await runNode('busy-flat.mjs', ['8', '60'], ['--duration', '12']);
  const tail = run.rss.slice(Math.floor(run.rss.length / 2));
  assertFixture(
    Math.max(...tail) - Math.min(...tail) < 10 * MIB,
    'RSS not flat in the second half',
  );
  assert.equal(run.report.verdict, 'steady', run.report.reasons[0]?.text);
  const all = records(run);
  const bounds = all.filter((r) => r.type === 'bound');
  // A probe every 0.8 s over 12 s; the heap stays flat, so each gives a bound.
  assert.ok(bounds.length >= 5, `${bounds.length} bounds`);
  // The final probe pauses it; before that, bounds stayed within their slack (but for one
  // pause at most, if the start-up's compiled code took the heap past it).
  const forced = all.filter((r) => r.type === 'gc' && r.forced === true);
  assert.ok(forced.length >= 1 && forced.length <= 2, `${forced.length} forced GCs`);
  assert.match(run.report.reasons[0]!.text, /\d+ bounded by a flat heap instead of a full GC/);
});

test('--passive: no forced GCs, so too few live points give inconclusive, saying how many', async () => {
  // Native memory rising steadily and a flat JS heap: no GC is ever due, and an RSS still
  // rising at 10 s cannot bound the few natural full GCs either. (A JS-object leak was used
  // before: its RSS rises as a staircase, and on a slow machine a last step read as levelled.)
  const run = await runNode('native-leak.mjs', ['2048', '60'], ['--duration', '10', '--passive']);
  assertFixture(
    grewBytes(run) >= 10 * MIB,
    `RSS grew ${grewBytes(run) / MIB} MiB, expected ≥ 10 MiB`,
  );
  assert.equal(run.report.run.forcedGcs, 0);
  assertFixture(run.report.run.livePoints < 5, `${run.report.run.livePoints} natural full GCs`);
  assert.equal(run.report.verdict, 'inconclusive');
  assert.match(run.report.reasons[0]!.text, /saw \d+ full GC\(s\), need 5/);
});

test('npm start: the agent loads through the wrapper and the verdict names the leaking node', async () => {
  const run = await runFixture(['npm', 'start', '--silent'], ['--duration', '15'], {
    cwd: path.join(repoRoot, 'test', 'fixtures', 'npm-app'),
  });
  assertFixture(
    grewBytes(run) >= 10 * MIB,
    `RSS grew ${grewBytes(run) / MIB} MiB, expected ≥ 10 MiB`,
  );
  assertNodeLeak(run.report, run.fixturePid);
  const npm = run.report.processes.find(
    (process) => process.name === 'npm start' || process.name === 'npm',
  );
  assert.ok(npm !== undefined, JSON.stringify(run.report.processes.map((p) => p.name)));
  assert.notEqual(npm.verdict, 'leak');
});

test('the agent never holds a target open', async () => {
  const result = await runCli([
    'run',
    '--json',
    '--out',
    path.join(mkdtempSync(path.join(tmpdir(), 'rssdoctor-agent-')), 'rec.ndjson'),
    '--',
    process.execPath,
    '-e',
    'setTimeout(() => {}, 300)',
  ]);
  const report = JSON.parse(result.stdout) as Report;
  assert.equal(report.run.exitCode, 0);
  assert.ok(report.run.durationMs < 3000, `took ${report.run.durationMs} ms`);
});

test('a Node target survives the death of rssdoctor (and of its agent socket)', async () => {
  const cli = spawnCli([
    'run',
    '--interval',
    '0.2',
    '--out',
    '/dev/null',
    '--',
    process.execPath,
    fixturePath('steady.mjs'),
    '10',
    '60',
  ]);
  const pid = await cli.readyPid;
  await new Promise((resolve) => setTimeout(resolve, 2000));
  cli.child.kill('SIGKILL');
  await once(cli.child, 'exit');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  try {
    const state = /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    assert.ok(state === 'S' || state === 'R', `target state ${state}`);
  } finally {
    process.kill(pid, 'SIGKILL');
    await cli.done;
  }
});
