// Held /proc descriptors on real processes: a held status read sees the process change,
// a gone process reads as gone and its descriptor is closed, and nothing stays open.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { heldBudget, MAX_HELD, openProcHandles } from '../../src/sources/proc-handles.js';
import { parseProcStatus } from '../../src/sources/proc-status.js';

const openDescriptors = (): number => readdirSync('/proc/self/fd').length;

function rssOf(text: string): number {
  const status = parseProcStatus(text);
  assert.ok(status !== null);
  return status.rssBytes;
}

test('a held status descriptor reads the file afresh: this process grown by 64 MiB shows it', () => {
  const handles = openProcHandles(16);
  const before = handles.read(process.pid, 'status');
  assert.ok(before.ok);
  assert.equal(handles.held(), 1);
  const grown = Buffer.alloc(64 * 1024 * 1024, 1);
  const after = handles.read(process.pid, 'status');
  assert.ok(after.ok);
  assert.equal(handles.held(), 1, 'read again through the same descriptor');
  assert.ok(rssOf(after.text) - rssOf(before.text) >= 60 * 1024 * 1024, after.text);
  assert.equal(grown[grown.length - 1], 1);
  handles.close();
  assert.equal(handles.held(), 0);
});

test('a process that exits reads as gone, and its descriptors are closed', async () => {
  const baseline = openDescriptors();
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  await once(child, 'spawn');
  const pid = child.pid!;
  const handles = openProcHandles(16);
  assert.ok(handles.read(pid, 'status').ok);
  assert.ok(handles.read(pid, `task/${pid}/children`).ok);
  assert.equal(handles.held(), 2);
  assert.equal(openDescriptors(), baseline + 2);
  child.kill('SIGKILL');
  await once(child, 'exit'); // reaped: the number is free
  const gone = handles.read(pid, 'status');
  assert.equal(gone.ok ? 'ok' : gone.reason, 'gone');
  assert.equal(handles.held(), 0);
  assert.equal(openDescriptors(), baseline);
  handles.close();
});

test('past its budget a read opens and closes the file, and gives the same text', () => {
  const baseline = openDescriptors();
  const handles = openProcHandles(0);
  const read = handles.read(process.pid, 'stat');
  assert.ok(read.ok);
  assert.match(read.text, new RegExp(`^${process.pid} \\(`));
  assert.equal(handles.held(), 0);
  assert.equal(openDescriptors(), baseline);
  const missing = handles.read(2 ** 22 + 1, 'status');
  assert.equal(missing.ok ? 'ok' : missing.reason, 'gone');
});

test('the budget is half the soft open-file limit less a reserve, within MAX_HELD', () => {
  const line = (soft: string) =>
    `Limit                     Soft Limit           Hard Limit           Units\n` +
    `Max open files            ${soft}                 1048576              files\n`;
  assert.equal(heldBudget(line('1024')), 256);
  assert.equal(heldBudget(line('400')), 0);
  assert.equal(heldBudget(line('unlimited')), MAX_HELD);
  assert.equal(heldBudget(line('1048576')), MAX_HELD);
  assert.equal(heldBudget(''), 256, 'unreadable: the usual default of 1024');
});
