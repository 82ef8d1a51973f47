import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mannKendallS } from '../../src/analysis/mann-kendall.js';
import {
  EXACT_MAX_POINTS,
  mannKendallExact,
  nullDistribution,
} from '../../src/analysis/mann-kendall-exact.js';
import { rng } from '../support/make-series.js';

// Every distinct arrangement of the multiset, by brute force: the reference the dynamic
// programme must match.
function bruteForce(values: readonly number[]): Map<number, number> {
  const seen = new Set<string>();
  const out = new Map<number, number>();
  const permute = (prefix: number[], rest: number[]): void => {
    if (rest.length === 0) {
      const key = prefix.join(',');
      if (seen.has(key)) return;
      seen.add(key);
      const { s } = mannKendallS(prefix);
      out.set(s, (out.get(s) ?? 0) + 1);
      return;
    }
    for (let i = 0; i < rest.length; i++) {
      permute([...prefix, rest[i]!], [...rest.slice(0, i), ...rest.slice(i + 1)]);
    }
  };
  permute([], [...values]);
  return out;
}

const sorted = (m: Map<number, number>): [number, number][] => [...m].sort((a, b) => a[0] - b[0]);

test('exact Mann–Kendall: five strictly rising points have P(S ≥ 10) = 1/120', () => {
  const found = mannKendallExact([1, 2, 3, 4, 5]);
  assert.equal(found.s, 10);
  assert.ok(Math.abs(found.pUp - 1 / 120) < 1e-12, String(found.pUp));
  assert.equal(found.pDown, 1);
});

test('exact Mann–Kendall: the distribution of distinct values has n! arrangements, symmetric', () => {
  const distribution = nullDistribution([5, 1, 4, 2, 3, 6, 8, 7]);
  let total = 0;
  for (const [s, count] of distribution) {
    total += count;
    assert.equal(distribution.get(-s), count, `asymmetric at S=${s}`);
  }
  assert.equal(total, 40320);
});

test('exact Mann–Kendall: with ties it matches brute-force enumeration (seeded multisets)', () => {
  const random = rng(42);
  for (let run = 0; run < 40; run++) {
    const n = 2 + Math.floor(random() * 6);
    const levels = 1 + Math.floor(random() * 4);
    const values = Array.from({ length: n }, () => Math.floor(random() * levels));
    assert.deepEqual(sorted(nullDistribution(values)), sorted(bruteForce(values)), values.join());
  }
});

test('exact Mann–Kendall: a tied flat series has no trend either way', () => {
  const found = mannKendallExact([3, 3, 3, 3, 3, 3]);
  assert.equal(found.s, 0);
  assert.equal(found.pUp, 1);
  assert.equal(found.pDown, 1);
});

test('exact Mann–Kendall: refuses more points than its table, naming the alternative', () => {
  const values = Array.from({ length: EXACT_MAX_POINTS + 1 }, (_, i) => i);
  assert.throws(
    () => mannKendallExact(values),
    /at most 10 values, got 11; use mannKendallHamedRao/,
  );
});

test('exact Mann–Kendall: ten points are computed quickly enough to run every tick', () => {
  // 10 distinct values: 2^10 states; the whole distribution must sum to 10!.
  const distribution = nullDistribution([9, 1, 8, 2, 7, 3, 6, 4, 5, 0]);
  let total = 0;
  for (const count of distribution.values()) total += count;
  assert.equal(total, 3628800);
});
