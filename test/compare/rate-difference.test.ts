// rate-difference as a truth table: each row a pair of rates and the decision it must get.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rateDifference, type Rate } from '../../src/compare/rate-difference.js';

const KIB = 1024;
const rate = (kib: number, halfWidthKib: number): Rate => ({
  bytesPerSecond: kib * KIB,
  lowBytesPerSecond: (kib - halfWidthKib) * KIB,
  highBytesPerSecond: (kib + halfWidthKib) * KIB,
});

const ROWS = [
  // before, after, seconds, expected, why
  [rate(1000, 50), rate(0, 5), 60, 'improved', 'a leak fixed'],
  [rate(0, 5), rate(1000, 50), 60, 'regressed', 'a leak added'],
  [rate(1000, 50), rate(1020, 50), 60, 'unchanged', 'the same leak twice'],
  [rate(0, 2), rate(1, 2), 60, 'unchanged', 'steady twice'],
  [rate(1000, 900), rate(100, 900), 60, 'inconclusive', 'too noisy to say either'],
  [rate(100, 5), rate(110, 5), 600, 'unchanged', 'significant, but all of it within the margin'],
  [
    rate(100, 5),
    rate(125, 20),
    600,
    'inconclusive',
    'significant, not material, nor within the margin',
  ],
  [rate(10, 1), rate(30, 1), 10, 'unchanged', 'a 20 KiB/s change is under 1 MiB over 10 s'],
] as const;

for (const [before, after, seconds, expected, why] of ROWS) {
  test(`rate difference: ${why} → ${expected}`, () => {
    const found = rateDifference(before, after, seconds);
    assert.equal(found.verdict, expected, JSON.stringify(found));
    assert.equal(found.bytesPerSecond, after.bytesPerSecond - before.bytesPerSecond);
    assert.ok(found.lowBytesPerSecond <= found.bytesPerSecond);
    assert.ok(found.highBytesPerSecond >= found.bytesPerSecond);
  });
}

test('rate difference: no interval on either side gives no z, and p 0 or 1', () => {
  const flat = { bytesPerSecond: 0, lowBytesPerSecond: 0, highBytesPerSecond: 0 };
  assert.equal(rateDifference(flat, flat, 60).z, null);
  assert.equal(rateDifference(flat, flat, 60).pValue, 1);
  assert.equal(rateDifference(flat, flat, 60).verdict, 'unchanged');
  const leak = { bytesPerSecond: 1e6, lowBytesPerSecond: 1e6, highBytesPerSecond: 1e6 };
  assert.equal(rateDifference(flat, leak, 60).pValue, 0);
  assert.equal(rateDifference(flat, leak, 60).verdict, 'regressed');
});
