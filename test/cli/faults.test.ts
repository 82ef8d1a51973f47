// Bad input and bad endings: each gives the exit code DESIGN specifies, a one-line error
// with no stack trace, and keeps whatever was recorded.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { test } from 'node:test';
import type { Report } from '../../src/report/report.js';
import { runCli, spawnCli, type CliProcess, type CliResult } from '../support/cli.js';
import { fixturePath } from '../support/paths.js';
import { assertValidReport } from '../support/validate-report.js';

const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'rssdoctor-faults-'));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// The steady fixture (20 MiB, 60 s) under rssdoctor, sampled every 0.2 s.
function startSteady(out: string, json: string | null, fixtureArgs: string[] = []): CliProcess {
  const jsonArgs = json === null ? [] : ['--json', json];
  const fixture = ['python3', fixturePath('os-steady.py'), '20', '60', ...fixtureArgs];
  return spawnCli(['run', '--interval', '0.2', '--out', out, ...jsonArgs, '--', ...fixture]);
}

function assertOneLineError(result: CliResult, ...mentions: string[]): void {
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `expected one stderr line, got:\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
  for (const mention of mentions) assert.match(result.stderr, new RegExp(mention));
}

function readReport(file: string): Report {
  const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
  assertValidReport(report);
  return report;
}

test('an unknown command is a usage error (2)', async () => {
  const result = await runCli(['frobnicate']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /unknown command 'frobnicate'/);
  assert.doesNotMatch(result.stderr, /^\s+at /m);
});

test('an unknown option is a usage error (2)', async () => {
  const result = await runCli(['run', '--bogus', '--', 'true']);
  assert.equal(result.code, 2);
  assertOneLineError(result, "unknown option '--bogus'");
});

test('--duration abc is a usage error (2) naming the option, the expectation and the value', async () => {
  const result = await runCli(['run', '--duration', 'abc', '--', 'true']);
  assert.equal(result.code, 2);
  assertOneLineError(result, '--duration', 'expected a positive duration', '"abc"');
});

test('--fail-on with an unknown verdict is a usage error (2)', async () => {
  const result = await runCli(['run', '--fail-on', 'leak,bogus', '--', 'true']);
  assert.equal(result.code, 2);
  assertOneLineError(result, '--fail-on', '"leak,bogus"');
});

test('a command that is not found fails (3) and keeps the recording', async () => {
  const out = path.join(tempDir(), 'rec.ndjson');
  const result = await runCli(['run', '--out', out, '--', 'no-such-command-rssdoctor']);
  assert.equal(result.code, 3);
  assertOneLineError(result, 'command not found', 'no-such-command-rssdoctor');
  const lines = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; code?: string });
  assert.equal(lines[0]!.type, 'header');
  assert.ok(lines.some((line) => line.code === 'target.commandNotFound'));
  assert.equal(lines[lines.length - 1]!.type, 'end');
});

test('a target that exits at once still gets a Report (0): inconclusive, its exit code, one stderr line', async () => {
  const dir = tempDir();
  const json = path.join(dir, 'r.json');
  const result = await runCli([
    'run',
    '--out',
    path.join(dir, 'r.ndjson'),
    '--json',
    json,
    '--',
    'python3',
    '-c',
    'import sys; sys.exit(3)',
  ]);
  assert.equal(result.code, 0);
  assertOneLineError(result, 'exited with code 3');
  const report = readReport(json);
  assert.equal(report.verdict, 'inconclusive');
  assert.equal(report.run.exitCode, 3);
  assert.equal(report.run.targetExited, true);
});

test('--fail-on sets exit code 1 for a listed verdict and 0 otherwise', async () => {
  const dir = tempDir();
  const args = ['--out', path.join(dir, 'r.ndjson'), '--', 'python3', '-c', 'pass'];
  assert.equal((await runCli(['run', '--fail-on', 'inconclusive', ...args])).code, 1);
  assert.equal((await runCli(['run', '--fail-on', 'leak,native-leak', ...args])).code, 0);
});

test('SIGKILL of the target mid-run: a Report with the signal, and the recording kept', async () => {
  const dir = tempDir();
  const json = path.join(dir, 'r.json');
  const out = path.join(dir, 'r.ndjson');
  const cli = startSteady(out, json);
  const pid = await cli.readyPid;
  await sleep(1500);
  process.kill(pid, 'SIGKILL');
  const result = await cli.done;
  assert.equal(result.code, 0);
  assertOneLineError(result, 'killed by SIGKILL');
  const report = readReport(json);
  assert.equal(report.run.signal, 'SIGKILL');
  assert.equal(report.run.targetExited, true);
  assert.ok(report.run.samples >= 5);
  const recorded = await runCli(['report', out, '--json']);
  assert.equal((JSON.parse(recorded.stdout) as Report).run.signal, 'SIGKILL');
});

test('Ctrl-C once: SIGINT goes to the target, the partial Report is printed, exit 130', async () => {
  const dir = tempDir();
  const json = path.join(dir, 'r.json');
  const cli = startSteady(path.join(dir, 'r.ndjson'), json);
  await cli.readyPid;
  await sleep(1500);
  cli.child.kill('SIGINT');
  const result = await cli.done;
  assert.equal(result.code, 130);
  assertOneLineError(result, 'interrupted');
  const report = readReport(json);
  assert.equal(report.run.interrupted, true);
  // The fixture exits 130 on SIGINT: it got the forwarded signal.
  assert.equal(report.run.exitCode, 130);
  assert.ok(report.run.samples >= 5);
});

test('Ctrl-C twice kills a target that ignores SIGINT, exit 130', async () => {
  const dir = tempDir();
  const json = path.join(dir, 'r.json');
  const cli = startSteady(path.join(dir, 'r.ndjson'), json, ['--ignore-sigint']);
  const pid = await cli.readyPid;
  await sleep(1000);
  cli.child.kill('SIGINT');
  await sleep(700);
  assert.ok(isAlive(pid), 'the fixture ignores one SIGINT');
  cli.child.kill('SIGINT');
  const result = await cli.done;
  assert.equal(result.code, 130);
  const report = readReport(json);
  assert.equal(report.run.signal, 'SIGKILL');
  assert.equal(report.run.interrupted, true);
  assert.equal(isAlive(pid), false);
});

test('--json on stdout stays parseable while the target writes to stdout', async () => {
  const dir = tempDir();
  const result = await runCli([
    'run',
    '--out',
    path.join(dir, 'r.ndjson'),
    '--json',
    '--',
    'python3',
    '-c',
    'print("hello from the target")',
  ]);
  assert.equal(result.code, 0);
  assertValidReport(JSON.parse(result.stdout));
  assert.match(result.stderr, /hello from the target/);
});

test("the target survives rssdoctor's own death, and the recording so far is readable", async () => {
  const dir = tempDir();
  const out = path.join(dir, 'r.ndjson');
  const cli = startSteady(out, null);
  const pid = await cli.readyPid;
  await sleep(1500);
  cli.child.kill('SIGKILL');
  // Wait for rssdoctor's exit, not for its pipes: the target still holds them open.
  await once(cli.child, 'exit');
  await sleep(500);
  try {
    assert.ok(isAlive(pid), 'the target outlived rssdoctor');
  } finally {
    process.kill(pid, 'SIGKILL');
    await cli.done;
  }
  const result = await runCli(['report', out, '--json']);
  assert.equal(result.code, 0);
  const report = JSON.parse(result.stdout) as Report;
  assertValidReport(report);
  assert.equal(report.run.truncated, true);
  assert.ok(report.run.samples >= 5);
  assert.ok(report.dataQuality.some((note) => note.code === 'recording.noEnd'));
});

test('report: a missing recording fails (3) with one line', async () => {
  const result = await runCli(['report', path.join(tempDir(), 'missing.ndjson')]);
  assert.equal(result.code, 3);
  assertOneLineError(result, 'does not exist');
});

test('report: a file that is not a recording fails (3) with one line', async () => {
  const file = path.join(tempDir(), 'junk.ndjson');
  writeFileSync(file, '\x00\x01garbage\nmore garbage\n');
  const result = await runCli(['report', file]);
  assert.equal(result.code, 3);
  assertOneLineError(result, 'not an rssdoctor recording');
});

function isAlive(pid: number): boolean {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return !/^State:\s+Z/m.test(status);
  } catch {
    return false;
  }
}
