// `rssdoctor attach` in the tests: a program started on its own (not under rssdoctor),
// and the CLI attached to it with a short interval, its Report read and validated.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Report } from '../../src/report/report.js';
import { runCli } from './cli.js';
import { assertValidReport } from './validate-report.js';

export interface Started {
  child: ChildProcess;
  pid: number;
  // What it printed up to its ready line (the Go fixture's pprof port comes first).
  output: string;
}

// Starts a program on its own (not under rssdoctor) and waits for its `ready <pid>` line.
export function startAlone(command: string, args: string[], cwd?: string): Promise<Started> {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const match = /^ready (\d+)$/m.exec(out);
      if (match !== null) resolve({ child, pid: Number(match[1]), output: out });
    });
    child.once('exit', (code) =>
      reject(new Error(`${command} exited (${code}) before it was ready`)),
    );
  });
}

export async function attach(
  args: string[],
): Promise<{ report: Report; stderr: string; code: number | null }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-attach-'));
  const json = path.join(dir, 'report.json');
  const result = await runCli(
    [
      'attach',
      '--interval',
      '0.25',
      '--out',
      path.join(dir, 'rec.ndjson'),
      '--json',
      json,
      ...args,
    ],
    { timeoutMs: 90_000 },
  );
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  assertValidReport(report);
  return { report, stderr: result.stderr, code: result.code };
}
