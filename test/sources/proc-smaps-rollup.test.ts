import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseSmapsRollup } from '../../src/sources/proc-smaps-rollup.js';
import { assertFiniteFigures, damaged } from '../support/fuzz.js';

test("smaps_rollup: this process's own parses; damaged text gives finite figures or null", () => {
  const real = readFileSync('/proc/self/smaps_rollup', 'utf8');
  const own = parseSmapsRollup(real);
  assert.ok(own !== null && own.pssBytes > 0);
  fc.assert(
    fc.property(damaged([real, ...real.split('\n')]), (text) =>
      assertFiniteFigures(parseSmapsRollup(text)),
    ),
    { numRuns: 1000 },
  );
});
