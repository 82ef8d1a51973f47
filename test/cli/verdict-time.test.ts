// Verdicts in time, and no wobble: real programs at the default 1 s interval, each run
// twice (three times for the cheap OS-level ones), all at once: they are light (a few MiB/s
// of garbage each), so the whole file takes about one 60 s run. For each run, the
// provisional verdicts the live view would have shown are replayed from its recording
// (report/provisional-timeline.ts): a non-leaking program never shows `leak`, and a leak,
// once shown, stays shown.

import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import { readRecording } from '../../src/recording/reader.js';
import { provisionalTimeline } from '../../src/report/provisional-timeline.js';
import type { Report } from '../../src/report/report.js';
import { buildGoFixtures, goSkip } from '../support/go.js';
import { fixturePath } from '../support/paths.js';
import { assertFixture } from '../support/proc-watch.js';
import { runFixture, type FixtureRun } from '../support/run-fixture.js';

const skip = goSkip();

interface Case {
  command: (goBin: string) => string[];
  runArgs: string[];
  runs: number;
  go?: boolean;
}

const python =
  (name: string, ...args: string[]) =>
  () => ['python3', fixturePath(name), ...args];
const goProgram =
  (name: string, ...args: string[]) =>
  (bin: string) => [path.join(bin, name), ...args];

const CASES: Record<string, Case> = {
  // 1 MiB/s kept on a 50 MiB working set amid 12 MiB/s of garbage: the heap doubles between
  // GCs, so a 40 s run sees 12 GCs, four of them while the working set is built (three busy
  // loops beside it on this 2-core machine: 8 after it). With 6 MiB/s it saw 5–6 after it,
  // and one CI run had fewer than the five a verdict needs.
  'go-fast-leak': {
    command: goProgram('leak-rate', '1024', '12288', '50'),
    runArgs: ['--duration', '40', '--quiet-trace'],
    runs: 2,
    go: true,
  },
  // The slow leak: 400 KiB/s amid 6 MiB/s of garbage, called within 60 s.
  'go-slow-leak': {
    command: goProgram('leak-rate', '400', '6144', '50'),
    runArgs: ['--duration', '60', '--quiet-trace'],
    runs: 2,
    go: true,
  },
  'go-warm-up': {
    command: goProgram('warm-up', '50', '5', '6144'),
    runArgs: ['--duration', '40', '--quiet-trace'],
    runs: 2,
    go: true,
  },
  // A 45 MiB working set and ~2 MiB/s of garbage: a GC every ~20 s, 3–4 in the minute.
  'go-quiet': {
    command: goProgram('quiet', '45', '1024'),
    runArgs: ['--duration', '60', '--quiet-trace'],
    runs: 2,
    go: true,
  },
  'os-flat': {
    command: python('churn-flat.py', '60'),
    runArgs: ['--duration', '30', '--runtime', 'other'],
    runs: 3,
  },
  'os-fast-grower': {
    command: python('grow-fast.py', '60'),
    runArgs: ['--duration', '30', '--runtime', 'other'],
    runs: 3,
  },
  'os-warm-up': {
    command: python('warm-up.py', '80', '4', '60'),
    runArgs: ['--duration', '40', '--runtime', 'other'],
    runs: 2,
  },
  // 40 s, as the other warm-ups: a forced GC of its 38 MB heap takes 80–180 ms here, and the
  // 2% pause budget (run/probe-pacing.ts) spaces the probes 4–9 s apart; at 30 s one CI run
  // had fewer than five live points.
  'node-warm-up': {
    command: () => [process.execPath, fixturePath('warm-up.mjs'), '60', '4', '60'],
    runArgs: ['--duration', '40'],
    runs: 2,
  },
};

const runs = new Map<string, Promise<FixtureRun>[]>();

before(() => {
  const bin = skip === false ? buildGoFixtures() : '';
  for (const [name, spec] of Object.entries(CASES)) {
    if (spec.go === true && skip !== false) continue;
    const started: Promise<FixtureRun>[] = [];
    for (let i = 0; i < spec.runs; i++) {
      const durationS = Number(spec.runArgs[spec.runArgs.indexOf('--duration') + 1]);
      const run = runFixture(spec.command(bin), spec.runArgs, {
        intervalSeconds: '1',
        timeoutMs: (durationS + 30) * 1000,
      });
      // Awaited by its test; never an unhandled rejection meanwhile.
      run.catch(() => {});
      started.push(run);
    }
    runs.set(name, started);
  }
});

function shownVerdicts(run: FixtureRun): (string | null)[] {
  return provisionalTimeline(readRecording(run.recordingPath)).map((point) => point.shown);
}

function codes(report: Report): string[] {
  return report.reasons.map((reason) => reason.code);
}

// The RSS series in MB, for a failure message: what the program did, tick by tick.
function rssText(run: FixtureRun): string {
  const byTick = new Map<number, number>();
  for (const record of readRecording(run.recordingPath).records) {
    if (record.type === 'sample')
      byTick.set(record.tMs, (byTick.get(record.tMs) ?? 0) + record.rssBytes);
  }
  return [...byTick.values()].map((bytes) => (bytes / 1e6).toFixed(1)).join(' ');
}

function assertNeverShownLeak(run: FixtureRun): void {
  const shown = shownVerdicts(run);
  assert.ok(!shown.includes('leak'), `a provisional leak was shown: ${shown.join(' ')}`);
}

// A leak, once shown, stays shown (it may first be shown only by the final verdict: the
// hysteresis waits for a second evaluation, and the run may end before it).
function assertLeakStays(run: FixtureRun): void {
  const shown = shownVerdicts(run);
  const first = shown.indexOf('leak');
  assert.ok(
    first < 0 || shown.slice(first).every((verdict) => verdict === 'leak'),
    `the provisional verdict left leak: ${shown.join(' ')}`,
  );
}

async function eachRun(name: string, check: (run: FixtureRun) => void): Promise<void> {
  for (const run of await Promise.all(runs.get(name)!)) check(run);
}

test('go fast leak (1 MiB/s, ~10 GCs): leak within 40 s, every run', { skip }, async () => {
  await eachRun('go-fast-leak', (run) => {
    assert.equal(run.report.verdict, 'leak', run.report.reasons[0]?.text);
    assert.ok(codes(run.report).includes('live-heap-rising'));
    assertLeakStays(run);
  });
});

test('go slow leak (400 KiB/s amid 6 MiB/s of garbage): leak within 60 s', { skip }, async () => {
  await eachRun('go-slow-leak', (run) => {
    assert.equal(run.report.verdict, 'leak', codes(run.report).join(','));
    const rate = run.report.reasons.find((r) => r.code === 'live-heap-rising')!.figures
      .slopeBytesPerSecond!;
    // The leak's own rate, not the working set being built at start.
    assert.ok(rate > 250 * 1024 && rate < 600 * 1024, `slope ${rate / 1024} KiB/s`);
    assertLeakStays(run);
  });
});

test('go warm-up: a cache filled at start is neither leak nor inconclusive', { skip }, async () => {
  await eachRun('go-warm-up', (run) => {
    assertFixture(run.stdout.includes('warm'), 'the fixture never finished its warm-up');
    assert.ok(['steady', 'retention'].includes(run.report.verdict), codes(run.report).join(','));
    assertNeverShownLeak(run);
  });
});

test('go quiet (3–4 GCs a minute): steady or retention, with the bound', { skip }, async () => {
  await eachRun('go-quiet', (run) => {
    assertFixture(
      run.report.run.livePoints < 5,
      `${run.report.run.livePoints} GCs: the fixture is meant to GC 3–4 times`,
    );
    assert.ok(['steady', 'retention'].includes(run.report.verdict), codes(run.report).join(','));
    assert.ok(run.report.confidence >= 0.6, String(run.report.confidence));
    const bound = run.report.reasons.find((r) => r.code === 'rss-growth-bound');
    assert.ok(bound !== undefined, codes(run.report).join(','));
    assert.ok(bound.figures.rssUpperBytesPerSecond! < 256 * 1024, bound.text);
    const quiet = run.report.reasons.find((r) => r.code === 'go-quiet-bound');
    assert.ok(quiet !== undefined, codes(run.report).join(','));
    assert.match(quiet.text, /grew less than .* under /);
    assertNeverShownLeak(run);
  });
});

test('os flat under churn at --duration 30: steady every time, never short', async () => {
  await eachRun('os-flat', (run) => {
    assert.equal(run.report.verdict, 'steady', `${codes(run.report).join(',')}: ${rssText(run)}`);
    // The first sample is taken at start: 31 at 1 s over 30 s, room for slipped ticks.
    assert.ok(run.report.run.samples >= 28, `${run.report.run.samples} samples`);
    assertNeverShownLeak(run);
  });
});

test('os fast grower at --duration 30: leak every time', async () => {
  await eachRun('os-fast-grower', (run) => {
    assert.equal(run.report.verdict, 'leak', codes(run.report).join(','));
    assertLeakStays(run);
  });
});

test('os warm-up: a cache filled at start is steady after its start-up, never leak', async () => {
  await eachRun('os-warm-up', (run) => {
    assertFixture(run.stdout.includes('warm'), 'the fixture never finished its warm-up');
    // The cache is built in the first 4 s of 40 (the start-up, set aside); a slower start
    // on a loaded machine may leave the knee past the first quarter: rose, then held.
    assert.ok(['steady', 'retention'].includes(run.report.verdict), codes(run.report).join(','));
    if (run.report.verdict === 'steady') {
      assert.match(run.report.reasons[0]!.text, /after its start-up/);
    }
    assertNeverShownLeak(run);
  });
});

test('node warm-up: a cache filled at start is neither leak nor inconclusive', async () => {
  await eachRun('node-warm-up', (run) => {
    assertFixture(run.stdout.includes('warm'), 'the fixture never finished its warm-up');
    assert.ok(
      ['steady', 'retention'].includes(run.report.verdict),
      `${codes(run.report).join(',')} (${run.report.run.livePoints} live points): ${rssText(run)}`,
    );
    assertNeverShownLeak(run);
  });
});
