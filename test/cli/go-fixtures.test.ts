// Go verdicts from gctrace on real programs, compiled from test/fixtures/go in this run
// and watched at the same time (they are light; the whole file takes about one run).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Report } from '../../src/report/report.js';
import { runCli } from '../support/cli.js';
import { buildGoFixtures, GO_FIXTURES, goSkip } from '../support/go.js';
import { assertFixture } from '../support/proc-watch.js';
import { runFixture, type FixtureRun } from '../support/run-fixture.js';

const MIB = 1024 * 1024;
const skip = goSkip();
const RUN_ARGS = ['--duration', '20'];
const runs = new Map<string, Promise<FixtureRun>>();

interface Spec {
  command: (bin: string) => string[];
  runArgs?: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

const SPECS: Record<string, Spec> = {
  'no-gc-yet': {
    command: (bin) => [path.join(bin, 'no-gc-yet')],
    runArgs: ['--probe-release', '--deep'],
  },
  'stderr-redirect': { command: (bin) => [path.join(bin, 'stderr-redirect')] },
  'go-run': { command: () => ['go', 'run', '.'], cwd: path.join(GO_FIXTURES, 'no-gc-yet') },
  leak: { command: (bin) => [path.join(bin, 'leak')] },
  // Long enough after its 6 s burst for the last GC to pass STALE_AFTER_MS (15 s).
  'burst-then-idle': {
    command: (bin) => [path.join(bin, 'burst-then-idle')],
    runArgs: ['--quiet-trace', '--duration', '26'],
  },
  'gomemlimit-leak': {
    command: (bin) => [path.join(bin, 'gomemlimit-leak')],
    env: { GOMEMLIMIT: '32MiB', GOGC: 'off' },
    runArgs: ['--quiet-trace'],
  },
  lazyfree: {
    command: (bin) => [path.join(bin, 'lazyfree')],
    env: { GODEBUG: 'madvdontneed=0' },
  },
  'mmap-growth': { command: (bin) => [path.join(bin, 'mmap-growth')], runArgs: ['--quiet-trace'] },
  // 100 goroutines a second, each parked with a 32 KiB stack: 3 MiB/s of stacks.
  'goroutine-leak': {
    command: (bin) => [path.join(bin, 'goroutine-leak'), '100'],
    runArgs: ['--quiet-trace'],
  },
};

before(() => {
  if (skip !== false) return;
  const bin = buildGoFixtures();
  for (const [name, spec] of Object.entries(SPECS)) {
    const run = runFixture(spec.command(bin), [...RUN_ARGS, ...(spec.runArgs ?? [])], {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      intervalSeconds: '0.5',
    });
    // Awaited by its test; never an unhandled rejection meanwhile.
    run.catch(() => {});
    runs.set(name, run);
  }
});

function recordsOf(run: FixtureRun): Array<Record<string, unknown> & { type: string }> {
  return readFileSync(run.recordingPath, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown> & { type: string });
}

function codes(report: Report): string[] {
  return report.reasons.map((reason) => reason.code);
}

test(
  'no-gc-yet: the seed case: RSS creeps, no GC ever runs, and the verdict says so with the fix',
  { skip },
  async () => {
    const run = await runs.get('no-gc-yet')!;
    const grew = run.rss[run.rss.length - 1]! - run.rss[2]!;
    assertFixture(grew >= 100 * 1024, `RSS grew ${grew} bytes, expected ≥ 100 KiB`);
    assert.equal(run.report.verdict, 'no-gc-yet');
    assert.equal(run.report.runtime, 'go');
    assert.equal(run.report.pid, run.fixturePid);
    assert.deepEqual(codes(run.report), ['no-gc-yet', 'no-gc-yet-fix']);
    assert.match(run.report.reasons[1]!.text, /runtime\.GC\(\)/);
    const records = recordsOf(run);
    assert.equal(records.filter((r) => r.type === 'gc').length, 0);
    const facts = records.find((r) => r.type === 'go')!;
    assert.equal(facts.gctraceInEnviron, true);
    assert.equal(facts.stderrIsTraceFile, true);
    assert.equal(facts.traceExclusive, true);
    assert.match(String(facts.goVersion), /^go1\./);
    // The program's own stderr went through the trace file and was echoed once, untouched.
    assert.equal(run.stderr.split('no-gc-yet: a line of its own on stderr\n').length, 2);
    const again = await runCli(['report', run.recordingPath, '--json']);
    assert.equal((JSON.parse(again.stdout) as Report).verdict, 'no-gc-yet');
    // Advice names the trigger; --probe-release names the call; --deep finds the stacks.
    const advice = run.report.advice.find((a) => a.code === 'go-gc-at-start')!;
    assert.equal(advice.because.firstTriggerBytes, 4 * 1024 * 1024);
    assert.equal(run.report.probeRelease?.measured, false);
    assert.match(run.report.probeRelease.call ?? '', /debug\.FreeOSMemory\(\)/);
    const parts = run.report.breakdown.parts;
    assert.equal(parts.liveHeap?.kind, 'upperBound', 'no GC yet: the heap is not split');
    assert.ok(parts.offHeap!.bytes! > 0);
    assert.ok(
      parts.stacks?.bytes !== null && parts.stacks!.bytes! > 0,
      JSON.stringify(parts.stacks),
    );
  },
);

test(
  'stderr-redirect: a program that points its stderr elsewhere cannot prove no-gc-yet',
  { skip },
  async () => {
    const run = await runs.get('stderr-redirect')!;
    assertFixture(
      run.stdout.includes('stderr redirected'),
      'the fixture did not redirect its stderr',
    );
    // Without the proof, no GC line is no evidence about the heap: the verdict rests on RSS
    // alone (flat here: steady with its bound), and says why the heap could not be judged.
    assert.notEqual(run.report.verdict, 'no-gc-yet');
    assert.notEqual(run.report.verdict, 'leak');
    assert.ok(
      run.report.reasons.some((r) =>
        /its stderr is not the trace file rssdoctor reads/.test(r.text),
      ),
      run.report.reasons.map((r) => r.text).join('\n'),
    );
    const facts = recordsOf(run).filter((r) => r.type === 'go');
    assert.equal(facts[facts.length - 1]!.stderrIsTraceFile, false);
  },
);

test(
  'go run: built first, so the compiler is not traced; the program itself is no-gc-yet',
  { skip },
  async () => {
    const run = await runs.get('go-run')!;
    assert.equal(run.report.verdict, 'no-gc-yet');
    assert.equal(run.report.pid, run.fixturePid);
    const header = recordsOf(run)[0]!;
    assert.deepEqual(header.command, ['go', 'run', '.']);
    assert.match(String((header.spawnedCommand as string[])[0]), /\/no-gc-yet$/);
  },
);

test('leak: a rising H2 is a leak at the rate the program keeps', { skip }, async () => {
  const run = await runs.get('leak')!;
  assertFixture(
    run.rss[run.rss.length - 1]! - run.rss[2]! >= 10 * MIB,
    'the leak fixture did not grow 10 MiB',
  );
  assert.equal(run.report.verdict, 'leak');
  assert.equal(run.report.runtime, 'go');
  const reason = run.report.reasons.find((r) => r.code === 'live-heap-rising')!;
  // The fixture keeps 1 MiB/s.
  assert.ok(
    Math.abs(reason.figures.slopeBytesPerSecond! - MIB) < 0.3 * MIB,
    `slope ${reason.figures.slopeBytesPerSecond! / MIB} MiB/s`,
  );
  assert.ok(run.report.run.livePoints >= 8);
  // Without --quiet-trace the trace is echoed.
  assert.match(run.stderr, /^gc 1 @/m);
});

test(
  'burst-then-idle: H2 rose during the burst, then no GC: stale, never a leak',
  { skip },
  async () => {
    const run = await runs.get('burst-then-idle')!;
    assertFixture(run.stdout.includes('idle'), 'the fixture never went idle');
    assert.notEqual(run.report.verdict, 'leak');
    assert.ok(codes(run.report).includes('stale-live'), codes(run.report).join(','));
    assert.ok(
      run.report.reasons.find((r) => r.code === 'stale-live')!.figures.lastLiveAgeMs! > 10_000,
    );
    assert.doesNotMatch(run.stderr, /^gc \d+ @/m, '--quiet-trace echoes no trace line');
  },
);

test(
  'gomemlimit-leak: H2 at the limit with GCs ever more frequent is a leak (gomemlimit-bound)',
  { skip },
  async () => {
    const run = await runs.get('gomemlimit-leak')!;
    assert.equal(run.report.verdict, 'leak');
    assert.ok(codes(run.report).includes('gomemlimit-bound'), codes(run.report).join(','));
    const reason = run.report.reasons.find((r) => r.code === 'gomemlimit-bound')!;
    assert.equal(reason.figures.memoryLimitBytes, 32 * MIB);
    assert.ok(reason.figures.lastThirdGcsPerMinute! > 2 * reason.figures.firstThirdGcsPerMinute!);
  },
);

test(
  'lazyfree: pages freed with MADV_FREE show as LazyFree in the breakdown; the user GODEBUG is kept',
  { skip },
  async () => {
    const run = await runs.get('lazyfree')!;
    assertFixture(run.stdout.includes('freed'), 'the fixture never freed its memory');
    const { lazyFree, anon } = run.report.breakdown.parts;
    assert.ok(
      lazyFree!.bytes !== null && lazyFree!.bytes >= 48 * MIB,
      `lazyFree ${lazyFree!.bytes}`,
    );
    assert.ok(lazyFree!.bytes! <= anon!.bytes!);
    // madvdontneed=0 survived the merge (LazyFree above proves it) and the trace was on.
    const facts = recordsOf(run).find((r) => r.type === 'go')!;
    assert.equal(facts.gctraceInEnviron, true);
    const forcedScav = recordsOf(run).filter((r) => r.type === 'scav' && r.forced === true);
    assert.equal(forcedScav.length, 1);
  },
);

test(
  'mmap-growth: memory outside the Go heap grows while H2 is flat: native-leak',
  { skip },
  async () => {
    const run = await runs.get('mmap-growth')!;
    assert.equal(run.report.verdict, 'native-leak');
    const reason = run.report.reasons.find((r) => r.code === 'native-rising')!;
    // 1 MiB every 200 ms.
    assert.ok(Math.abs(reason.figures.slopeBytesPerSecond! - 5 * MIB) < 1.5 * MIB);
  },
);

test(
  'goroutine-leak: the stacks grow while the heap stays small: a leak, named as goroutines',
  { skip },
  async () => {
    const run = await runs.get('goroutine-leak')!;
    assert.equal(run.report.verdict, 'leak');
    const stacks = run.report.reasons.find((r) => r.code === 'go-stacks-rising');
    assert.ok(stacks !== undefined, codes(run.report).join(','));
    const rate = stacks.figures.slopeBytesPerSecond!;
    assert.ok(rate > 1.5 * MIB && rate < 6 * MIB, `stacks grow ${rate / MIB} MiB/s`);
    assert.match(stacks.text, /goroutine leak/);
  },
);

test(
  'run --pprof: a quiet Go program gets the GCs it lacks, asked through its pprof',
  { skip },
  async () => {
    const bin = buildGoFixtures();
    // A free port for the fixture's pprof, known before it starts (as a user's would be).
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // Nothing kept and little garbage: no natural GC after start-up in 10 s.
    const run = await runFixture(
      [path.join(bin, 'pprof-leak'), '0', '30', String(port)],
      ['--duration', '10', '--quiet-trace', '--pprof', `http://127.0.0.1:${port}/debug/pprof`],
    );
    const records = readFileSync(run.recordingPath, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; action?: string; cause?: string });
    const asked = records.filter((r) => r.type === 'control' && r.action === 'gc').length;
    const traced = records.filter((r) => r.type === 'gc' && r.cause === 'user').length;
    assert.ok(asked >= 3, `${asked} GCs asked for`);
    // Each GC asked for shows in the trace as a forced one: the live point comes from gctrace.
    assert.ok(traced >= asked - 1, `${traced} forced GCs traced for ${asked} asked`);
    assert.ok(run.report.run.livePoints >= 3, `${run.report.run.livePoints} live points`);
  },
);
