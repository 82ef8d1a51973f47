// The seed demo, both modes, end to end through the CLI. The receiver's behaviour is
// checked from /proc (its worker threads, its RSS) before the verdict is judged.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Report } from '../../src/report/report.js';
import { runCli, spawnCli } from '../support/cli.js';
import { assertFixture } from '../support/proc-watch.js';
import { assertValidReport } from '../support/validate-report.js';

const MIB = 1024 * 1024;

async function runDemo(
  extra: string[],
): Promise<{ report: Report; rss: number[]; threads: number; recordingPath: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-demo-test-'));
  const json = path.join(dir, 'r.json');
  const cli = spawnCli(
    [
      'demo',
      '--runtime',
      'node',
      '--duration',
      '20',
      '--interval',
      '0.5',
      '--out',
      path.join(dir, 'r.ndjson'),
      '--json',
      json,
      ...extra,
    ],
    {
      readyPattern: /receiver pid (\d+)/,
    },
  );
  const pid = await cli.readyPid;
  const rss: number[] = [];
  let threads = 0;
  const timer = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      rss.push(Number(/^VmRSS:\s+(\d+)/m.exec(status)![1]) * 1024);
      threads = Math.max(threads, Number(/^Threads:\s+(\d+)/m.exec(status)![1]));
    } catch {
      clearInterval(timer);
    }
  }, 500);
  const result = await cli.done;
  clearInterval(timer);
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  assertValidReport(report);
  assert.ok(report.demo !== undefined);
  assertFixture(
    report.demo.ackedMessages > 0.9 * report.demo.sentMessages,
    'the receiver did not keep up with the load',
  );
  assertFixture(
    report.demo.sentMessages > 20_000,
    `only ${report.demo.sentMessages} messages were sent`,
  );
  // 5 worker threads, each with its own event loop and V8 threads, on top of the main ones.
  assertFixture(threads >= 5 + 7, `the receiver ran ${threads} threads, expected its 5 workers`);
  assert.equal(report.pid, pid);
  assert.equal(report.runtime, 'node');
  return { report, rss: rss.slice(0, -1), threads, recordingPath: path.join(dir, 'r.ndjson') };
}

test('demo: by default the receiver is retention or steady, and says where its RSS is', async () => {
  const { report, recordingPath } = await runDemo([]);
  assert.ok(['retention', 'steady'].includes(report.verdict), `verdict ${report.verdict}`);
  assert.equal(report.demo!.leak, false);
  assert.match(report.reasons[0]!.text, /live data/);
  assert.ok(report.reasons[0]!.figures.liveBytes! > 0);
  // The load's figures are in the recording: `report` gives the same demo summary.
  const again = await runCli(['report', recordingPath, '--json']);
  assert.deepEqual((JSON.parse(again.stdout) as Report).demo, report.demo);
});

test('demo --leak: leak, with a slope within ±30% of the rate the load generator sent to be kept', async () => {
  const { report, rss } = await runDemo(['--leak']);
  assertFixture(rss[rss.length - 1]! - rss[2]! >= 20 * MIB, 'the receiver did not grow');
  assert.equal(report.verdict, 'leak');
  const slope = report.reasons.find((reason) => reason.code === 'live-heap-rising')!.figures
    .slopeBytesPerSecond!;
  const kept = report.demo!.keptBytesPerSecond;
  assert.ok(
    Math.abs(slope - kept) <= 0.3 * kept,
    `slope ${slope / MIB} MiB/s vs kept ${kept / MIB} MiB/s`,
  );
});
