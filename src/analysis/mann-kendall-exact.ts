// The exact small-sample Mann–Kendall test: the null distribution of S counted, not
// approximated.
//
// Detects: a monotonic rise in a handful of points, such as the post-GC live heap of a Go
// program that GCs six times in a minute because its heap doubles between GCs.
//
//     bytes                 ·             n = 5, every pair rising: S = 10, and of the
//       │            ·                    5! = 120 orders only this one reaches it:
//       │       ·                         P(S ≥ 10) = 1/120 ≈ 0.0083
//       │   ·
//       │ ·
//       └──────────────► t
//
// The normal approximation of S needs n ≥ 10 (Kendall 1975, ch. 4; Gilbert 1987, §16.4.1:
// "for n ≤ 10 use the exact table"). Below that it is too coarse: five strictly rising
// points give z = 2.20, p = 0.014 two-sided, although only one order in 120 reaches S = 10.
// Under H0 every distinct arrangement of the values is equally likely; with ties
// the values form a multiset, and S only counts pairs of distinct values. S of an
// arrangement grows, as it is built left to right, by (#earlier smaller − #earlier larger)
// for each appended value, which depends only on how many of each value are already used,
// so a dynamic programme over "how many of each value used" × S counts every distinct
// arrangement exactly: at most 2^10 states × 91 values of S for n = 10.
//
// Test: M. G. Kendall, "Rank Correlation Methods", 4th ed. (1975), ch. 4 (exact
// distribution of S); ties as in the permutation distribution of the multiset.

import { mannKendallS } from './mann-kendall.js';

// Above this the normal approximation with the Hamed–Rao correction (mann-kendall.ts) is
// used instead: Kendall's tables stop at 10, where the approximation becomes adequate.
export const EXACT_MAX_POINTS = 10;

export interface ExactMannKendall {
  n: number;
  s: number;
  // One-sided: P(S ≥ s) and P(S ≤ s) under H0 (no trend), exactly.
  pUp: number;
  pDown: number;
}

// The exact test for n ≤ EXACT_MAX_POINTS values.
export function mannKendallExact(values: readonly number[]): ExactMannKendall {
  const n = values.length;
  if (n > EXACT_MAX_POINTS) {
    throw new RangeError(
      `mannKendallExact: at most ${EXACT_MAX_POINTS} values, got ${n}; use mannKendallHamedRao`,
    );
  }
  const { s } = mannKendallS(values);
  const distribution = nullDistribution(values);
  let total = 0;
  let up = 0;
  let down = 0;
  for (const [value, count] of distribution) {
    total += count;
    if (value >= s) up += count;
    if (value <= s) down += count;
  }
  return { n, s, pUp: up / total, pDown: down / total };
}

// S → number of distinct arrangements of the multiset of `values` with that S.
export function nullDistribution(values: readonly number[]): Map<number, number> {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const counts = distinct.map((value) => values.filter((v) => v === value).length);
  // A state is how many of each distinct value are placed, packed in mixed radix.
  const radix: number[] = [];
  let states = 1;
  for (const count of counts) {
    radix.push(states);
    states *= count + 1;
  }
  let layer = new Map<number, Map<number, number>>([[0, new Map([[0, 1]])]]);
  for (let placed = 0; placed < values.length; placed++) {
    const next = new Map<number, Map<number, number>>();
    for (const [state, byS] of layer) {
      const used = counts.map((_, g) => Math.floor(state / radix[g]!) % (counts[g]! + 1));
      let smaller = 0;
      let larger = used.reduce((sum, u) => sum + u, 0);
      for (let g = 0; g < counts.length; g++) {
        larger -= used[g]!;
        if (used[g]! < counts[g]!) {
          const delta = smaller - larger;
          const target = state + radix[g]!;
          let into = next.get(target);
          if (into === undefined) next.set(target, (into = new Map()));
          for (const [sValue, ways] of byS) {
            into.set(sValue + delta, (into.get(sValue + delta) ?? 0) + ways);
          }
        }
        smaller += used[g]!;
      }
    }
    layer = next;
  }
  return [...layer.values()][0] ?? new Map([[0, 1]]);
}
