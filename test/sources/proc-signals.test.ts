// SigCgt: the bit of a caught signal, read from real status text and from this process,
// which catches SIGUSR1 once it has a listener; a malformed mask is unknown, not false.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  catchesSignal,
  parseCaught,
  SIGQUIT_NUMBER,
  SIGUSR1_NUMBER,
} from '../../src/sources/proc-signals.js';

test('proc-signals: SIGUSR1 (bit 9) and SIGQUIT (bit 2) from the mask', () => {
  const status = 'Name:\tnode\nSigCgt:\t0000000000000200\n';
  assert.equal(parseCaught(status, SIGUSR1_NUMBER), true);
  assert.equal(parseCaught(status, SIGQUIT_NUMBER), false);
  assert.equal(parseCaught('Name:\tx\n', SIGUSR1_NUMBER), null);
});

test('proc-signals: a handler installed here shows in this process’s own mask', () => {
  const handler = (): void => undefined;
  process.on('SIGUSR2', handler);
  try {
    assert.equal(catchesSignal(process.pid, 12), true);
  } finally {
    process.off('SIGUSR2', handler);
  }
});

test('proc-signals: any text gives true, false or null, never throws', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 1, max: 64 }), (text, signal) => {
      const caught = parseCaught(text, signal);
      assert.ok(caught === true || caught === false || caught === null);
    }),
  );
});
