// JVM verdicts from GC logs on real Java programs, compiled in this run and watched at the
// same time. Live points come only from full GCs (forced over the attach socket when
// natural ones are too rare), G1 Remark/Cleanup and concurrent cycle ends.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Report } from '../../src/report/report.js';
import { runCli } from '../support/cli.js';
import { buildJavaFixtures, javaSkip } from '../support/java.js';
import { assertFixture } from '../support/proc-watch.js';
import { runFixture, type FixtureRun } from '../support/run-fixture.js';

const MIB = 1024 * 1024;
const skip = javaSkip();
const runs = new Map<string, Promise<FixtureRun>>();
let classes = '';

// name → JVM options (the main class is the name).
const SPECS: Record<string, string[]> = {
  StaticListLeak: ['-Xmx64m'],
  BurstReleased: ['-Xms256m', '-Xmx256m'],
  SteadyCache: ['-Xmx64m'],
  DirectBufferGrowth: ['-Xmx64m', '-XX:MaxDirectMemorySize=512m'],
  NoGcYet: ['-Xms256m'],
};

before(() => {
  if (skip !== false) return;
  classes = buildJavaFixtures();
  for (const [name, jvmOptions] of Object.entries(SPECS)) {
    const extra = name === 'BurstReleased' ? ['--probe-release'] : [];
    const run = runFixture(
      ['java', ...jvmOptions, '-cp', classes, name],
      ['--duration', '20', ...extra],
      { intervalSeconds: '0.5' },
    );
    run.catch(() => {});
    runs.set(name, run);
  }
  const passive = runFixture(
    ['java', '-Xmx64m', '-cp', classes, 'StaticListLeak'],
    ['--duration', '12', '--passive'],
    { intervalSeconds: '0.5' },
  );
  passive.catch(() => {});
  runs.set('passive', passive);
});

type Rec = Record<string, unknown> & { type: string };
function recordsOf(run: FixtureRun): Rec[] {
  return readFileSync(run.recordingPath, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Rec);
}
const codes = (report: Report): string[] => report.reasons.map((reason) => reason.code);

function assertJvm(run: FixtureRun): void {
  assert.equal(run.report.runtime, 'jvm');
  assert.equal(run.report.pid, run.fixturePid);
  const facts = recordsOf(run).filter((r) => r.type === 'jvm');
  // The collector's "Using …" line proved logging works.
  assert.ok(facts.some((r) => r.loggingProven === true && r.collector === 'G1'));
  // Every JVM verdict says why RSS is bigger than the heap.
  assert.ok(codes(run.report).includes('jvm-rss-beyond-heap'));
  // Young pauses never give a live point.
  for (const gc of recordsOf(run).filter((r) => r.type === 'gc' && r.liveBytes !== undefined)) {
    assert.notEqual(gc.jvmKind, 'young');
  }
}

test(
  'static-list leak: the live heap after full GCs rises: leak, at the rate kept',
  { skip },
  async () => {
    const run = await runs.get('StaticListLeak')!;
    assertJvm(run);
    assert.equal(run.report.verdict, 'leak');
    const slope = run.report.reasons.find((r) => r.code === 'live-heap-rising')!.figures
      .slopeBytesPerSecond!;
    // The fixture keeps 10 KiB every ~10 ms: just under 1 MiB/s.
    assert.ok(slope > 0.6 * MIB && slope < 1.2 * MIB, `slope ${slope / MIB} MiB/s`);
    const forced = recordsOf(run).filter(
      (r) => r.type === 'gc' && r.forced === true && r.cause === 'Diagnostic Command',
    );
    assert.ok(forced.length >= 1, 'at least the final GC.run');
    assert.ok(recordsOf(run).some((r) => r.type === 'control' && r.action === 'gc'));
  },
);

test(
  'burst released: committed heap stays resident while live is a few MiB: retention',
  { skip },
  async () => {
    const run = await runs.get('BurstReleased')!;
    assertFixture(run.stdout.includes('released'), 'the fixture never released its burst');
    assertJvm(run);
    assert.equal(run.report.verdict, 'retention');
    const held = run.report.reasons.find((r) => r.code === 'rss-above-live')!.figures;
    assert.ok(held.liveBytes! < 16 * MIB, `live ${held.liveBytes! / MIB} MiB`);
    assert.ok(held.heldBytes! > 100 * MIB, `held ${held.heldBytes! / MIB} MiB`);
    // Where it is: resident Java heap beyond live data, measured from smaps.
    const { heapFree, liveHeap } = run.report.breakdown.parts;
    assert.equal(heapFree!.kind, 'resident');
    assert.ok(heapFree!.bytes! > 100 * MIB, `heapFree ${heapFree!.bytes! / MIB} MiB`);
    assert.ok(liveHeap!.bytes! < 16 * MIB);
    // What to do: G1 on JDK 17 can give it back when idle; the release call is named.
    const periodic = run.report.advice.find((a) => a.code === 'jvm-periodic-gc')!;
    assert.equal(periodic.because.heapFreeBytes, heapFree!.bytes);
    // --probe-release over the attach socket: GC.run, then System.trim_native_heap, measured.
    const probe = run.report.probeRelease!;
    assert.equal(probe.measured, true, probe.text);
    assert.match(probe.call ?? '', /System\.gc\(\).*System\.trim_native_heap/);
    assert.ok(probe.rssBeforeBytes! > 100 * MIB && probe.rssAfterTrimBytes! > 0, probe.text);
    assert.ok(probe.reclaimableFraction! >= 0 && probe.reclaimableFraction! <= 1);
    assert.match(probe.text, /^reclaimable: /);
  },
);

test(
  'steady bounded cache: young pauses read ever higher, live is flat: never a leak',
  { skip },
  async () => {
    const run = await runs.get('SteadyCache')!;
    assertJvm(run);
    assert.notEqual(run.report.verdict, 'leak');
    assert.ok(['retention', 'steady'].includes(run.report.verdict), run.report.verdict);
    const live = recordsOf(run)
      .filter((r) => r.type === 'gc' && typeof r.liveBytes === 'number')
      .map((r) => r.liveBytes as number);
    assert.ok(live.length >= 8, `${live.length} live points`);
    // The cache is ~30 MiB: every live point says so.
    assert.ok(
      live.every((bytes) => bytes > 25 * MIB && bytes < 48 * MIB),
      live.join(','),
    );
  },
);

test(
  'direct-buffer growth: RSS grows outside the heap while live is flat: native-leak',
  { skip },
  async () => {
    const run = await runs.get('DirectBufferGrowth')!;
    assertJvm(run);
    assert.equal(run.report.verdict, 'native-leak');
    const slope = run.report.reasons.find((r) => r.code === 'native-rising')!.figures
      .slopeBytesPerSecond!;
    assert.ok(Math.abs(slope - 5 * MIB) < 1.5 * MIB, `slope ${slope / MIB} MiB/s`);
    assert.ok(recordsOf(run).some((r) => r.type === 'heap-resident'));
  },
);

test(
  'no GC yet: logging proven, no collection, heap below the young generation',
  { skip },
  async () => {
    const run = await runs.get('NoGcYet')!;
    assert.equal(run.report.verdict, 'no-gc-yet');
    assert.equal(run.report.runtime, 'jvm');
    assert.equal(recordsOf(run).filter((r) => r.type === 'gc').length, 0);
    assert.ok(codes(run.report).includes('no-gc-yet-fix'));
    const again = await runCli(['report', run.recordingPath, '--json']);
    assert.equal((JSON.parse(again.stdout) as Report).verdict, 'no-gc-yet');
  },
);

test('--passive: no GC is forced in the JVM, before or at the end', { skip }, async () => {
  const run = await runs.get('passive')!;
  assert.equal(run.report.runtime, 'jvm');
  const records = recordsOf(run);
  assert.equal(records.filter((r) => r.type === 'control').length, 0);
  assert.equal(records.filter((r) => r.type === 'gc' && r.forced === true).length, 0);
  assert.ok(
    records.some((r) => r.type === 'gc'),
    'natural GCs were still logged',
  );
});

test(
  'JAVA_TOOL_OPTIONS: the GC log is appended to the user value; an unknown JDK gets nothing',
  { skip },
  async () => {
    const script = 'echo "JTO=[$JAVA_TOOL_OPTIONS]"';
    const base = { ...process.env, JAVA_TOOL_OPTIONS: '-Dfoo=1' };
    const known = await runCli(
      ['run', '--runtime', 'jvm', '--out', '/dev/null', '--', 'sh', '-c', script],
      {
        env: base,
      },
    );
    assert.match(
      known.stdout,
      /^JTO=\[-Dfoo=1 '-Xlog:gc\*:file="\/\S+\/gc-%p\.log":uptime,level,tags'\]$/m,
    );
    const unknown = await runCli(
      ['run', '--runtime', 'jvm', '--out', '/dev/null', '--json', '-', '--', 'sh', '-c', script],
      { env: { ...base, JAVA_HOME: '/nonexistent/jdk' } },
    );
    assert.match(unknown.stderr, /^JTO=\[-Dfoo=1\]$/m);
    const report = JSON.parse(unknown.stdout) as Report;
    assert.ok(report.dataQuality.some((note) => note.code === 'source.jvmVersionUnknown'));
  },
);

test(
  'a JVM started by a wrapper without --runtime jvm is named in data quality',
  { skip },
  async () => {
    const classes = buildJavaFixtures();
    const result = await runCli([
      'run',
      '--duration',
      '4',
      '--out',
      '/dev/null',
      '--json',
      '-',
      '--',
      'sh',
      '-c',
      `java -cp ${classes} NoGcYet; true`,
    ]);
    const report = JSON.parse(result.stdout) as Report;
    const note = report.dataQuality.find((n) => n.code === 'source.jvmNotLogged');
    assert.ok(note !== undefined, JSON.stringify(report.dataQuality));
    assert.match(note.text, /--runtime jvm/);
  },
);

// Issue 20: the GC log path went into JAVA_TOOL_OPTIONS unquoted, so a TMPDIR with a space
// split it in two and the JVM refused to start ("Could not create the Java Virtual Machine").
test(
  "spaces in TMPDIR and the working directory, and the user's own JAVA_TOOL_OPTIONS: the JVM starts, logs its GCs, and keeps the user's option",
  { skip },
  async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'rssdoctor java space '));
    const [temp, work] = ['tmp: dir', 'work dir'].map((name) => path.join(base, name));
    for (const dir of [temp!, work!]) mkdirSync(dir);
    const run = await runFixture(['java', '-cp', classes, 'EchoProperty'], ['--duration', '4'], {
      intervalSeconds: '0.5',
      cwd: work,
      env: { ...process.env, TMPDIR: temp, JAVA_TOOL_OPTIONS: "-Drssdoctor.echo='two words'" },
    });
    assert.match(run.stdout, /^property two words$/m);
    assert.equal(run.report.runtime, 'jvm');
    const facts = recordsOf(run).filter((r) => r.type === 'jvm');
    assert.ok(
      facts.some((r) => r.loggingProven === true),
      JSON.stringify(facts),
    );
  },
);
