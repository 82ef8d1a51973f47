// LTTB keeps the shape: ends, spikes and steps survive; counts are exact; small series pass.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lttbIndices } from '../../src/render/lttb.js';
import { xorshift32 } from '../../src/analysis/xorshift.js';

test('lttb: a series shorter than the threshold is kept whole', () => {
  assert.deepEqual(lttbIndices([0, 1, 2], [5, 6, 7], 10), [0, 1, 2]);
});

test('lttb: exactly `threshold` points, strictly increasing, first and last kept', () => {
  const n = 86_400;
  const x = Float64Array.from({ length: n }, (_, i) => i);
  const random = xorshift32(7);
  const y = Float64Array.from({ length: n }, () => random());
  const kept = lttbIndices(x, y, 2000);
  assert.equal(kept.length, 2000);
  assert.equal(kept[0], 0);
  assert.equal(kept.at(-1), n - 1);
  for (let i = 1; i < kept.length; i++) assert.ok(kept[i]! > kept[i - 1]!);
});

test('lttb: a one-sample spike in a flat day survives 86,400 → 500', () => {
  const n = 86_400;
  const x = Array.from({ length: n }, (_, i) => i);
  const y = x.map((i) => (i === 43_210 ? 100 : 1));
  const kept = lttbIndices(x, y, 500);
  assert.ok(kept.includes(43_210));
});
