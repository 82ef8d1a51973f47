// `rssdoctor demo --runtime go`: the #40448 story end to end. The three modes run at the
// same time (the gentle one is idle; the two at 2000 messages/s share the 2 cores).

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Report } from '../../src/report/report.js';
import { runCli, spawnCli } from '../support/cli.js';
import { goSkip } from '../support/go.js';
import { assertFixture } from '../support/proc-watch.js';
import { assertValidReport } from '../support/validate-report.js';

const skip = goSkip();
const demos = new Map<string, Promise<{ report: Report; stderr: string; stdout: string }>>();

async function runGoDemo(
  extra: string[],
): Promise<{ report: Report; stderr: string; stdout: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-go-demo-test-'));
  const json = path.join(dir, 'r.json');
  const cli = spawnCli(
    ['demo', '--runtime', 'go', '--duration', '20', '--interval', '0.5', '--quiet-trace']
      .concat(['--out', path.join(dir, 'r.ndjson'), '--json', json])
      .concat(extra),
    { timeoutMs: 120_000 },
  );
  const result = await cli.done;
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  assertValidReport(report);
  assert.equal(report.demo?.runtime, 'go');
  assertFixture(
    report.demo.ackedMessages > 0.9 * report.demo.sentMessages,
    'the Go receiver did not keep up with the load',
  );
  return { report, stderr: result.stderr, stdout: result.stdout };
}

before(async () => {
  if (skip !== false) return;
  // Build (or find) the cached receiver once, so the three runs do not race to build it.
  const warm = await runCli(['demo', '--runtime', 'go', '--duration', '1', '--out', '/dev/null']);
  assert.equal(warm.code, 0, warm.stderr);
  for (const [name, extra] of [
    ['gentle', []],
    ['busy', ['--rate', '2000']],
    ['leak', ['--leak']],
  ] as const) {
    const run = runGoDemo([...extra]);
    run.catch(() => {});
    demos.set(name, run);
  }
});

test(
  'go demo, gentle default rate: no GC ever runs, the verdict is no-gc-yet with the fix',
  { skip },
  async () => {
    const { report } = await demos.get('gentle')!;
    assert.equal(report.demo!.ratePerSecond, 5);
    assert.equal(report.demo!.connections, 5);
    assert.equal(report.verdict, 'no-gc-yet');
    assert.equal(report.runtime, 'go');
    assert.equal(report.run.livePoints, 0);
    assert.match(report.reasons[0]!.text, /golang\/go#40448/);
    assert.match(report.reasons[1]!.text, /runtime\.GC\(\)/);
  },
);

test(
  'go demo: the fix is applied live in the receiver and measured, and it does not undo no-gc-yet',
  { skip },
  async () => {
    const { report, stdout } = await demos.get('gentle')!;
    const release = report.probeRelease!;
    assert.equal(release.measured, true, release.text);
    assert.ok(release.rssBeforeBytes! > 0 && release.rssAfterTrimBytes! > 0, release.text);
    assert.match(release.text, /after debug\.FreeOSMemory\(\)/);
    // The fix's GC came after the verdict's records: still no GC in what was judged.
    assert.equal(report.verdict, 'no-gc-yet');
    assert.match(stdout, /^the story \(golang\/go#40448\):$/m);
    assert.match(stdout, /the fix, applied live .*: RSS [\d.]+ [KM]iB → [\d.]+ [KM]iB/);
  },
);

test(
  'go demo at 2000 messages/s: GCs run, garbage is collected: retention or steady',
  { skip },
  async () => {
    const { report } = await demos.get('busy')!;
    assert.ok(['retention', 'steady'].includes(report.verdict), report.verdict);
    assert.ok(report.run.livePoints >= 8, `only ${report.run.livePoints} GCs`);
  },
);

test(
  'go demo --leak: the kept payloads are a leak at the rate the load sent them',
  { skip },
  async () => {
    const { report } = await demos.get('leak')!;
    assert.equal(report.verdict, 'leak');
    const slope = report.reasons.find((r) => r.code === 'live-heap-rising')!.figures
      .slopeBytesPerSecond!;
    const ratio = slope / report.demo!.keptBytesPerSecond;
    assert.ok(Math.abs(ratio - 1) < 0.3, `live slope / kept rate = ${ratio}`);
  },
);

test('without go: one line that says how to install it, for the demo and for go run', async () => {
  const env = { ...process.env, PATH: mkdtempSync(path.join(tmpdir(), 'rssdoctor-empty-path-')) };
  const demo = await runCli(['demo', '--runtime', 'go', '--duration', '5'], { env });
  assert.equal(demo.code, 3);
  assert.match(demo.stderr, /^rssdoctor: .*go.*not on PATH.*apt-get install golang-go.*\n$/);
  assert.equal(demo.stderr.split('\n').length, 2, demo.stderr);
  const run = await runCli(['run', '--duration', '5', '--', 'go', 'run', '.'], { env });
  assert.equal(run.code, 3);
  assert.match(run.stderr, /^rssdoctor: "go" was not found.*apt-get install golang-go.*\n$/);
  assert.equal(run.stderr.split('\n').length, 2, run.stderr);
});

test('without go, the default demo tells the story with Node and says how to see the Go original', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-nogo-demo-'));
  const env = { ...process.env, PATH: mkdtempSync(path.join(tmpdir(), 'rssdoctor-empty-path-')) };
  const result = await runCli(
    ['demo', '--duration', '6', '--interval', '0.5', '--out', path.join(dir, 'demo.ndjson')],
    { env, timeoutMs: 60_000 },
  );
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /go is not installed.*rssdoctor demo --runtime go/);
  assert.match(result.stdout, /^verdict: .*\[node\]$/m);
  assert.match(result.stdout, /^the story \(golang\/go#40448, told for V8\):$/m);
  assert.match(result.stdout, /go is not installed.*rssdoctor demo --runtime go/);
  // The last line names the HTML report, written beside the recording.
  const last = result.stdout.trim().split('\n').at(-1)!;
  assert.equal(last, `HTML report: ${path.join(dir, 'demo.html')} (open it in a browser)`);
  assert.ok(existsSync(path.join(dir, 'demo.html')));
});
