import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidArgumentError } from 'commander';
import fc from 'fast-check';
import { parseSecondsToMs } from '../../src/cli/parse-seconds.js';
import { damaged } from '../support/fuzz.js';

test('parse seconds: the units people write', () => {
  assert.equal(parseSecondsToMs('60'), 60_000);
  assert.equal(parseSecondsToMs('1.5'), 1_500);
  assert.equal(parseSecondsToMs('500ms'), 500);
  assert.equal(parseSecondsToMs('2m'), 120_000);
  assert.equal(parseSecondsToMs('1h'), 3_600_000);
});

test('parse seconds: any text is a positive finite duration or a usage error naming it', () => {
  fc.assert(
    fc.property(damaged(['60', '90s', '500ms', '2m', '1h', '0.25']), (text) => {
      try {
        const ms = parseSecondsToMs(text);
        assert.ok(Number.isFinite(ms) && ms > 0, String(ms));
      } catch (error) {
        assert.ok(error instanceof InvalidArgumentError, String(error));
        assert.ok(error.message.includes(`got "${text}"`));
      }
    }),
    { numRuns: 2000 },
  );
});
