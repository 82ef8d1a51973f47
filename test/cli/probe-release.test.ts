// --probe-release on real programs: a retaining server gives a large share of RSS back and
// goes on answering requests after the probe; a leaking program gives little back; the demo
// takes the flag too.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Report } from '../../src/report/report.js';
import { spawnCli } from '../support/cli.js';
import { fixturePath } from '../support/paths.js';
import { runFixture } from '../support/run-fixture.js';
import { assertValidReport } from '../support/validate-report.js';

function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', timeout: 1000 }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end();
  });
}

async function serveRetain(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-test-'));
  const recordingPath = path.join(dir, 'rec.ndjson');
  const jsonPath = path.join(dir, 'report.json');
  const cli = spawnCli(
    [
      'run',
      '--duration',
      '12',
      '--interval',
      '0.2',
      '--probe-release',
      '--out',
      recordingPath,
    ].concat(['--json', jsonPath, '--', process.execPath, fixturePath('serve-retain.mjs'), '60']),
    { readyPattern: /^port (\d+)$/m },
  );
  const port = await cli.readyPid;
  // Ask every 100 ms, noting when each answer came, until the run is over.
  const answeredAtMs: number[] = [];
  let running = true;
  const polling = (async () => {
    while (running) {
      const body = await get(port).catch(() => null);
      if (body === '200') answeredAtMs.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const result = await cli.done;
  running = false;
  await polling;
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(readFileSync(jsonPath, 'utf8')) as Report;
  assertValidReport(report);
  const probe = report.probeRelease!;
  assert.equal(probe.measured, true);
  assert.ok(probe.reclaimableFraction! >= 0.3, probe.text);
  assert.equal(report.verdict, 'retention');
  assert.ok(report.reasons.some((reason) => reason.code === 'release-reclaimed'));
  assert.match(result.stdout + result.stderr, /release probe: reclaimable: [\d.]+ MiB \(\d+%\)/);
  // The target answered after the release finished.
  const lines = readFileSync(recordingPath, 'utf8').trim().split('\n');
  const header = JSON.parse(lines[0]!) as { startedAt: string };
  const release = lines
    .map((line) => JSON.parse(line) as { type: string; action?: string; tMs: number })
    .find((record) => record.type === 'control' && record.action === 'release')!;
  const releasedAtMs = Date.parse(header.startedAt) + release.tMs;
  assert.ok(
    answeredAtMs.some((at) => at > releasedAtMs + 100),
    `last answer ${answeredAtMs.at(-1)! - releasedAtMs} ms after the release`,
  );
}

async function leak(): Promise<void> {
  const run = await runFixture(
    // 512 KiB/s, as node-fixtures' leak: its full GCs stay cheap enough for the 2% pause
    // budget to allow 12 live points in 15 s (at 1 MiB/s, 12 s gave 7–9: inconclusive once).
    [process.execPath, fixturePath('leak-linear.mjs'), '512', '60'],
    ['--duration', '15', '--probe-release'],
  );
  const probe = run.report.probeRelease!;
  assert.equal(probe.measured, true);
  assert.ok(probe.reclaimableFraction! <= 0.1, probe.text);
  assert.equal(run.report.verdict, 'leak');
  assert.ok(!run.report.reasons.some((reason) => reason.code === 'release-reclaimed'));
}

async function demo(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-test-'));
  const jsonPath = path.join(dir, 'report.json');
  const cli = spawnCli(
    [
      'demo',
      '--runtime',
      'node',
      '--duration',
      '8',
      '--interval',
      '0.5',
      '--probe-release',
      '--json',
      jsonPath,
    ].concat(['--out', path.join(dir, 'rec.ndjson')]),
  );
  const result = await cli.done;
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(readFileSync(jsonPath, 'utf8')) as Report;
  assertValidReport(report);
  assert.equal(report.probeRelease?.measured, true);
  assert.ok(report.probeRelease.rssAfterTrimBytes! > 0);
  assert.ok(report.demo!.ackedMessages > 0);
}

test('--probe-release: retention given back and still serving; a leak gives little; the demo', async () => {
  await Promise.all([serveRetain(), leak(), demo()]);
});
