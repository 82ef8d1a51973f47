// The procfs readers on real processes, cross-checked against a second source: the
// child's own process.memoryUsage().rss.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { test } from 'node:test';
import { parseProcStatus, readProcStatus } from '../../src/sources/proc-status.js';
import { readSmapsRollup } from '../../src/sources/proc-smaps-rollup.js';
import { listProcessTree } from '../../src/sources/proc-tree.js';
import { assertFiniteFigures, damaged } from '../support/fuzz.js';

const MIB = 1024 * 1024;

test('proc-status: RSS of a child agrees with its own process.memoryUsage().rss', async () => {
  const child = spawn(
    process.execPath,
    [
      '-e',
      'const b = Buffer.alloc(64 * 1024 * 1024, 1); console.log(process.memoryUsage().rss); setTimeout(() => b, 3000);',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  const ownRss = Number(chunk.toString().trim());
  const read = readProcStatus(child.pid!);
  child.kill();
  assert.equal(read.ok, true);
  const status = read.ok ? read.status : null;
  assert.ok(status !== null);
  assert.ok(
    Math.abs(status.rssBytes - ownRss) < 8 * MIB,
    `proc ${status.rssBytes} vs own ${ownRss}`,
  );
  assert.ok(status.rssAnonBytes > 60 * MIB);
  assert.equal(status.ppid, process.pid);
  assert.ok(status.threads >= 1);
});

test('proc-status: a vanished process reads as gone, not as an error', () => {
  const read = readProcStatus(2 ** 22 + 12345);
  assert.deepEqual(read.ok ? 'ok' : read.reason, 'gone');
});

test('proc-status: a zombie or kernel thread without VmRSS parses as null', () => {
  assert.equal(parseProcStatus('Name:\tkthreadd\nState:\tS (sleeping)\nPPid:\t0\n'), null);
});

test('proc-smaps-rollup: Pss of this process is positive and at most its RSS', () => {
  const read = readSmapsRollup(process.pid);
  const status = readProcStatus(process.pid);
  assert.ok(read.ok && read.rollup !== null && status.ok && status.status !== null);
  assert.ok(read.rollup.pssBytes > 0 && read.rollup.pssBytes <= status.status.rssBytes * 1.05);
});

test('proc-tree: a shell and its child are both in the tree, root first', async () => {
  const shell = spawn('sh', ['-c', 'sleep 5 & wait'], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const tree = listProcessTree(shell.pid!);
  shell.kill('SIGKILL');
  assert.equal(tree[0], shell.pid);
  assert.equal(tree.length, 2);
  const sleeper = readProcStatus(tree[1]!);
  assert.equal(sleeper.ok && sleeper.status?.name, 'sleep');
});

test('proc status: damaged text of a real status file gives finite figures or null, never throws', () => {
  const real = readFileSync('/proc/self/status', 'utf8');
  fc.assert(
    fc.property(damaged([real, ...real.split('\n').slice(0, 30)]), (text) =>
      assertFiniteFigures(parseProcStatus(text)),
    ),
    { numRuns: 1000 },
  );
});
