// statm, the page size it counts in, and /proc/loadavg's last PID: real files first, then
// damaged text that must give figures or null, never a throw.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseLastPid } from '../../src/sources/last-pid.js';
import { pageSizeBytes, parseAuxvPageSize } from '../../src/sources/page-size.js';
import { parseProcStatm } from '../../src/sources/proc-statm.js';
import { parseProcStatus } from '../../src/sources/proc-status.js';
import { damaged } from '../support/fuzz.js';

test('statm: this process read from statm and from status, close together in time, agree', () => {
  const status = parseProcStatus(readFileSync('/proc/self/status', 'utf8'));
  const statm = parseProcStatm(readFileSync('/proc/self/statm', 'utf8'));
  assert.ok(status !== null && statm !== null);
  // Allocation between the two reads moves RSS a little.
  assert.ok(Math.abs(statm.rssBytes - status.rssBytes) < 4 * 1024 * 1024);
  const shared = status.rssFileBytes + status.rssShmemBytes;
  assert.ok(Math.abs(statm.sharedBytes - shared) < 4 * 1024 * 1024);
  assert.ok(statm.sizeBytes > statm.rssBytes);
});

test('statm: a zombie has no memory map (size 0); damaged text gives figures or null', () => {
  assert.deepEqual(parseProcStatm('0 0 0 0 0 0 0\n', 4096), {
    sizeBytes: 0,
    rssBytes: 0,
    sharedBytes: 0,
  });
  assert.equal(parseProcStatm('1 2 3', 4096), null);
  // shared never passes resident, even when the kernel's counters disagree for a moment.
  assert.equal(parseProcStatm('10 2 3 0 0 1 0', 4096)?.sharedBytes, 2 * 4096);
  const real = readFileSync('/proc/self/statm', 'utf8');
  fc.assert(
    fc.property(damaged([real]), (text) => {
      const statm = parseProcStatm(text, 4096);
      if (statm === null) return;
      for (const bytes of Object.values(statm)) assert.ok(Number.isFinite(bytes) && bytes >= 0);
      assert.ok(statm.sharedBytes <= statm.rssBytes);
    }),
    { numRuns: 1000 },
  );
});

test('page size: from the auxiliary vector, a power of two; AT_PAGESZ found among others', () => {
  const bytes = pageSizeBytes();
  assert.ok(bytes >= 4096 && (bytes & (bytes - 1)) === 0, String(bytes));
  const auxv = Buffer.alloc(48);
  auxv.writeBigUInt64LE(33n, 0); // AT_SYSINFO_EHDR
  auxv.writeBigUInt64LE(0x7fffn, 8);
  auxv.writeBigUInt64LE(6n, 16); // AT_PAGESZ
  auxv.writeBigUInt64LE(16384n, 24);
  assert.equal(parseAuxvPageSize(auxv, true), 16384);
  assert.equal(parseAuxvPageSize(Buffer.alloc(32), true), null, 'AT_NULL first: none');
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      const size = parseAuxvPageSize(Buffer.from(bytes), true);
      assert.ok(size === null || (size >= 1024 && (size & (size - 1)) === 0));
    }),
  );
});

test('loadavg: the last PID handed out, or null', () => {
  const real = readFileSync('/proc/loadavg', 'utf8');
  assert.ok((parseLastPid(real) ?? 0) > 0, real);
  assert.equal(parseLastPid('0.00 0.01 0.05 1/123 4567\n'), 4567);
  assert.equal(parseLastPid('0.00 0.01 0.05 1/123'), null);
  fc.assert(
    fc.property(damaged([real]), (text) => {
      const pid = parseLastPid(text);
      assert.ok(pid === null || Number.isSafeInteger(pid));
    }),
  );
});
