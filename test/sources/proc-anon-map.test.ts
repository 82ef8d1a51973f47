// Where anon lies, on a real Node process with worker threads.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readAnonMap } from '../../src/sources/proc-anon-map.js';

const WORKERS = 3;
const PROGRAM = `
const { Worker } = require('node:worker_threads');
for (let i = 0; i < ${WORKERS}; i++) new Worker('setInterval(() => {}, 1000)', { eval: true });
setTimeout(() => console.log('ready'), 500);
setTimeout(() => {}, 30000);
`;

test('readAnonMap: Anonymous sums to RssAnon; --deep finds the threads’ stacks', async () => {
  const child = spawn(process.execPath, ['-e', PROGRAM], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await once(child.stdout, 'data');
    const pid = child.pid!;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssAnonBytes = Number(/^RssAnon:\s+(\d+) kB$/m.exec(status)![1]) * 1024;
    const threads = Number(/^Threads:\s+(\d+)$/m.exec(status)![1]);
    const map = readAnonMap(pid, null, true)!;
    assert.ok(
      Math.abs(map.anonBytes - rssAnonBytes) <= 0.05 * rssAnonBytes,
      `${map.anonBytes} vs RssAnon ${rssAnonBytes}`,
    );
    assert.equal(map.heapBytes, null);
    assert.equal(map.threads, threads);
    // Every thread of an idle Node is blocked in a system call: each stack is found.
    assert.ok(map.stacksFound! >= WORKERS + 1, `found ${map.stacksFound} of ${threads}`);
    assert.ok(map.stacksBytes! > 0 && map.stacksBytes! < map.anonBytes);
    // A range that holds nothing: heap 0. Without --deep: no stacks.
    const shallow = readAnonMap(pid, [{ start: 0n, end: 4096n }], false)!;
    assert.equal(shallow.heapBytes, 0);
    assert.equal(shallow.stacksBytes, null);
  } finally {
    child.kill();
  }
});

test('readAnonMap: a process that is gone gives null', () => {
  assert.equal(readAnonMap(2 ** 22 + 7, null, false), null);
});
