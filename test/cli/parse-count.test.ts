import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidArgumentError } from 'commander';
import fc from 'fast-check';
import { parseCount } from '../../src/cli/parse-count.js';
import { damaged } from '../support/fuzz.js';

test('parse count: any text is a safe whole number at or above the minimum, or a usage error', () => {
  assert.equal(parseCount('3', '--repeat', 1), 3);
  assert.throws(
    () => parseCount('0', '--repeat', 1),
    /--repeat expects a whole number ≥ 1, got "0"/,
  );
  assert.throws(() => parseCount('99999999999999999999', '--repeat', 1), InvalidArgumentError);
  fc.assert(
    fc.property(damaged(['3', '200000', '16', '0']), (text) => {
      try {
        const count = parseCount(text, '--messages', 1);
        assert.ok(Number.isSafeInteger(count) && count >= 1, String(count));
      } catch (error) {
        assert.ok(error instanceof InvalidArgumentError, String(error));
        assert.match(error.message, /^--messages expects/);
      }
    }),
    { numRuns: 2000 },
  );
});
