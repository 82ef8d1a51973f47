// Bad input and bad endings: each gives the exit code DESIGN specifies, a one-line error
// with no stack trace, and keeps whatever was recorded.

import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import type { Report } from '../../src/report/report.js';
import { runCli, spawnCli, type CliProcess, type CliResult } from '../support/cli.js';
import { binPath, fixturePath, repoRoot } from '../support/paths.js';
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

test('report: bad files exit 0 or 3 with one line on stderr, never a stack trace', async () => {
  const dir = tempDir();
  const header = readFileSync(
    path.join(repoRoot, 'test', 'fixtures', 'recordings', 'node-leak.ndjson'),
    'utf8',
  ).split('\n')[0]!;
  const sample = {
    type: 'sample',
    tMs: 1,
    pid: 1,
    rssBytes: 1,
    rssAnonBytes: 1,
    rssFileBytes: 0,
    rssShmemBytes: 0,
    swapBytes: 0,
    threads: 1,
  };
  const cases: Record<string, string | Buffer> = {
    empty: '',
    'random bytes': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)),
    'header only': `${header}\n`,
    'a 5 MB line': `${header}\n${JSON.stringify({ ...sample, note: 'x'.repeat(5 * 1024 * 1024) })}\n`,
    'fields missing': `${header}\n${JSON.stringify({ type: 'sample', tMs: 1 })}\n`,
    'fields retyped': `${header}\n${JSON.stringify({ ...sample, rssBytes: 'many', pid: [1] })}\n${JSON.stringify({ type: 'gc', tMs: '1', pid: 1, kind: 7 })}\n`,
    'a number where the header goes': '42\n',
  };
  for (const [name, content] of Object.entries(cases)) {
    const file = path.join(dir, `${name.replaceAll(' ', '-')}.ndjson`);
    writeFileSync(file, content);
    const result = await runCli(['report', file]);
    assert.ok(
      result.code === 0 || result.code === 3,
      `${name}: exit ${result.code}\n${result.stderr}`,
    );
    if (result.code === 3) assertOneLineError(result);
    assert.doesNotMatch(result.stderr, /internal error|\n\s+at /, name);
  }
});

test('report piped into a reader that leaves (`| head`): exit as usual, no stack trace', async () => {
  const recording = path.join(repoRoot, 'test', 'fixtures', 'recordings', 'node-leak.ndjson');
  const child = spawn(process.execPath, [binPath, 'report', recording, '--json', '-'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Closed before rssdoctor writes a byte: its first write to stdout meets EPIPE.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  assert.ok(code === 0 || code === 1, `exit ${code}\n${stderr}`);
  assert.doesNotMatch(stderr, /EPIPE|internal error|\n\s+at /);
  // The terminal summary still went to stderr.
  assert.match(stderr, /^verdict: /m);
});

test('a full disk while recording: said once in the report, the watch goes on, exit 0', async () => {
  // /dev/full fails every write with ENOSPC, as a full disk does.
  const json = path.join(tempDir(), 'r.json');
  const result = await runCli([
    'run',
    '--duration',
    '3',
    '--interval',
    '0.25',
    '--out',
    '/dev/full',
    '--json',
    json,
    '--',
    process.execPath,
    fixturePath('steady.mjs'),
    '3',
    '60',
  ]);
  assert.equal(result.code, 0, result.stderr);
  const report = readReport(json);
  const notes = report.dataQuality.filter((note) => note.code === 'recording.writeFailed');
  assert.equal(notes.length, 1);
  assert.match(notes[0]!.text, /ENOSPC/);
  // Watching went on: the samples of the whole run are in the report.
  assert.ok(report.run.samples >= 8, `${report.run.samples} samples`);
  assert.equal(report.run.timedOut, true);
});

// A memory cgroup this test may create (root, with the memory controller writable).
function memoryCgroup(): { dir: string; limitFile: string } | null {
  const candidates = [
    { root: '/sys/fs/cgroup/memory', limitFile: 'memory.limit_in_bytes' },
    { root: '/sys/fs/cgroup', limitFile: 'memory.max' },
  ];
  for (const { root, limitFile } of candidates) {
    const dir = path.join(root, `rssdoctor-oom-${process.pid}`);
    try {
      mkdirSync(dir);
    } catch {
      continue;
    }
    if (existsSync(path.join(dir, limitFile))) return { dir, limitFile };
    rmdirSync(dir);
  }
  return null;
}

test("the kernel's OOM killer kills the target: the report and the notice say so", async (t) => {
  const cgroup = memoryCgroup();
  if (cgroup === null) {
    t.skip('no memory cgroup can be created here (needs root and a writable memory controller)');
    return;
  }
  try {
    writeFileSync(path.join(cgroup.dir, cgroup.limitFile), String(128 * 1024 * 1024));
    const json = path.join(tempDir(), 'r.json');
    // The target moves itself into the 128 MiB cgroup, volunteers for the OOM killer, and
    // fills memory at about 100 MiB/s.
    const leak =
      'const kept = []; setInterval(() => kept.push(Buffer.alloc(4 << 20, 1)), 40); console.log(`ready ${process.pid}`)';
    const result = await runCli([
      'run',
      '--duration',
      '30',
      '--json',
      json,
      '--',
      'sh',
      '-c',
      `echo $$ > ${cgroup.dir}/cgroup.procs && echo 1000 > /proc/self/oom_score_adj && exec "$0" -e "$1"`,
      process.execPath,
      leak,
    ]);
    assert.equal(result.code, 0, result.stderr);
    const report = readReport(json);
    assert.equal(report.run.signal, 'SIGKILL');
    assert.equal(report.run.oomKilled, true);
    assert.equal(report.run.timedOut, false);
    assert.match(result.stderr, /killed by the kernel's OOM killer/);
  } finally {
    rmdirSync(cgroup.dir);
  }
});

test('a target that forks and exits at once: a Report, no hang, and its child stopped with it', async () => {
  const json = path.join(tempDir(), 'r.json');
  const marker = `rssdoctor-fork-${process.pid}-${Date.now()}`;
  // The shell starts a steady node in the background and exits: a daemon's double fork.
  const result = await runCli([
    'run',
    '--json',
    json,
    '--',
    'sh',
    '-c',
    `"$0" "$1" 3 60 "$2" & exit 0`,
    process.execPath,
    fixturePath('steady.mjs'),
    marker,
  ]);
  assert.equal(result.code, 0, result.stderr);
  const report = readReport(json);
  assert.equal(report.run.targetExited, true);
  assert.equal(report.run.exitCode, 0);
  // A run leaves no strays: the background child went with its process group.
  const strays = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return (
          readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker) && isAlive(Number(pid))
        );
      } catch {
        return false;
      }
    });
  assert.deepEqual(strays, []);
});
