import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  parseAddressSpaceLimit,
  parseVmSizeBytes,
  readAddressSpaceLimit,
} from '../../src/sources/address-space-limit.js';
import { damaged } from '../support/fuzz.js';

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max address space         unlimited            unlimited            bytes
`;

test('address-space limit: unlimited is null, a number is bytes', () => {
  assert.equal(parseAddressSpaceLimit(LIMITS), null);
  assert.equal(
    parseAddressSpaceLimit(
      LIMITS.replace('unlimited            unlimited', '4294967296           unlimited'),
    ),
    4294967296,
  );
  assert.equal(parseAddressSpaceLimit('garbage'), null);
});

test('address-space limit: a real process under ulimit -v, with its VmSize', async () => {
  // prlimit(1) would do; the shell's own ulimit needs no package.
  // The shell says `ready` once its limit is set; it is then the process read (the exec
  // keeps both the pid and the limit).
  const child = spawn('sh', ['-c', 'ulimit -v 4194304 && echo ready && exec sleep 30'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  try {
    await once(child.stdout!, 'data');
    const read = readAddressSpaceLimit(child.pid!);
    assert.equal(read.addressSpaceBytes, 4194304 * 1024);
    assert.ok(read.vmSizeBytes !== null && read.vmSizeBytes > 0);
  } finally {
    child.kill();
    await once(child, 'exit');
  }
});

test('address-space limit and VmSize: damaged text gives a positive size or null', () => {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const status = readFileSync('/proc/self/status', 'utf8');
  fc.assert(
    fc.property(damaged([limits, status, LIMITS]), (text) => {
      for (const bytes of [parseAddressSpaceLimit(text), parseVmSizeBytes(text)]) {
        assert.ok(bytes === null || (Number.isFinite(bytes) && bytes >= 0), String(bytes));
      }
    }),
    { numRuns: 1000 },
  );
});
