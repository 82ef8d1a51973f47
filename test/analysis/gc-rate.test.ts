import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gcRate } from '../../src/analysis/gc-rate.js';

test('gc-rate: GCs crowding into the last third are rising', () => {
  const times = [1000, 5000, 9000, 21_000, 22_000, 23_000, 24_000, 25_000, 26_000, 27_000];
  const found = gcRate(times, 0, 30_000);
  assert.equal(found.rising, true);
  assert.equal(found.firstThirdPerMinute, 18);
  assert.equal(found.lastThirdPerMinute, 42);
});

test('gc-rate: an even rhythm is not rising, nor are too few GCs', () => {
  const even = Array.from({ length: 30 }, (_, i) => i * 1000 + 500);
  assert.equal(gcRate(even, 0, 30_000).rising, false);
  assert.equal(gcRate([25_000, 28_000], 0, 30_000).rising, false);
});
