import assert from 'node:assert/strict';
import fc from 'fast-check';
import { test } from 'node:test';
import { damaged } from '../../support/fuzz.js';
import {
  godebugValue,
  goSettings,
  parseGogc,
  parseMemoryLimit,
} from '../../../src/runtimes/go/settings.js';

test('go-settings: GOGC as the runtime reads it', () => {
  assert.equal(parseGogc(undefined), 100);
  assert.equal(parseGogc('50'), 50);
  assert.equal(parseGogc('off'), null);
  assert.equal(parseGogc('-1'), null);
  assert.equal(parseGogc('lots'), 100);
});

test('go-settings: GOMEMLIMIT with and without units', () => {
  assert.equal(parseMemoryLimit('40MiB'), 40 * 1024 * 1024);
  assert.equal(parseMemoryLimit('2GiB'), 2 * 1024 ** 3);
  assert.equal(parseMemoryLimit('123456'), 123456);
  assert.equal(parseMemoryLimit('off'), null);
  assert.equal(parseMemoryLimit(undefined), null);
  assert.equal(parseMemoryLimit('40MB'), null);
});

test('go-settings: gctrace found in GODEBUG, the last setting winning', () => {
  assert.equal(godebugValue('madvdontneed=0,gctrace=1', 'gctrace'), '1');
  assert.equal(goSettings(new Map([['GODEBUG', 'gctrace=1,gctrace=0']])).gctrace, false);
  assert.equal(goSettings(new Map([['GODEBUG', 'gctrace=2']])).gctrace, true);
  assert.equal(goSettings(new Map()).gctrace, false);
});

test('go settings: any GOGC or GOMEMLIMIT text gives a percentage, bytes or null, never throws', () => {
  fc.assert(
    fc.property(damaged(['100', 'off', '-1', '64MiB', '1GiB', '512', '']), (text) => {
      const gogc = parseGogc(text);
      const limit = parseMemoryLimit(text);
      assert.ok(gogc === null || (Number.isFinite(gogc) && gogc >= 0), String(gogc));
      assert.ok(limit === null || (Number.isFinite(limit) && limit >= 0), String(limit));
    }),
    { numRuns: 2000 },
  );
});
