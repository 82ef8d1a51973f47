// Runs a fixture program under `rssdoctor run`, watching its RSS from /proc on the side.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Report } from '../../src/report/report.js';
import { spawnCli } from './cli.js';
import { watchRss } from './proc-watch.js';
import { assertBreakdown } from './assert-breakdown.js';
import { assertValidReport } from './validate-report.js';

export interface FixtureRun {
  report: Report;
  recordingPath: string;
  // The fixture's own RSS readings, without the last two (interpreter teardown at exit).
  rss: number[];
  fixturePid: number;
  stdout: string;
  stderr: string;
}

export async function runFixture(
  command: string[],
  runArgs: string[] = [],
  options: {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    intervalSeconds?: string;
    // How long before the run is killed as hung; spawnCli's default is 60 s.
    timeoutMs?: number;
  } = {},
): Promise<FixtureRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-test-'));
  const recordingPath = path.join(dir, 'rec.ndjson');
  const jsonPath = path.join(dir, 'report.json');
  const cli = spawnCli(
    [
      'run',
      ...runArgs,
      '--interval',
      options.intervalSeconds ?? '0.2',
      '--out',
      recordingPath,
      '--json',
      jsonPath,
      '--',
      ...command,
    ],
    { cwd: options.cwd, env: options.env, timeoutMs: options.timeoutMs },
  );
  const fixturePid = await cli.readyPid;
  const watch = watchRss(fixturePid, 200);
  const result = await cli.done;
  const rss = watch.stop().slice(0, -2);
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(readFileSync(jsonPath, 'utf8')) as Report;
  assertValidReport(report);
  assertBreakdown(report);
  return { report, recordingPath, rss, fixturePid, stdout: result.stdout, stderr: result.stderr };
}
