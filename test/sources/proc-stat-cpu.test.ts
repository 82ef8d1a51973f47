import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCpuMs } from '../../src/sources/proc-stat-cpu.js';
import { damaged } from '../support/fuzz.js';

test("/proc/PID/stat: this process's CPU time parses; damaged text gives a finite time or null", () => {
  const real = readFileSync('/proc/self/stat', 'utf8');
  assert.ok((parseCpuMs(real) ?? -1) >= 0);
  // A command name with spaces and parentheses: the fields count from the last ')'.
  const tricky = real.replace(/\(.*\)/, '(a) b (c)');
  assert.equal(parseCpuMs(tricky), parseCpuMs(real));
  fc.assert(
    fc.property(damaged([real, tricky]), (text) => {
      const ms = parseCpuMs(text);
      assert.ok(ms === null || (Number.isFinite(ms) && ms >= 0), String(ms));
    }),
    { numRuns: 1000 },
  );
});
