// Mann–Kendall trend test with the Hamed–Rao correction for autocorrelation.
//
// Detects: a monotonic trend — values that keep getting larger (or smaller) over time,
// whatever the shape of the rise.
//
//     bytes                          .·''
//       │                     .·'·''
//       │            ..·'·''''
//       │   ..·''·''                      S = Σ sign(x_j − x_i), i < j
//       └──────────────────────► t
//
// Memory series are strongly autocorrelated (lag-1 autocorrelation measured 0.73–0.996
// here): one slow wave looks like a trend to the plain test, which then cries wolf.
// Hamed and Rao inflate Var(S) by n/n*, estimated from the significant autocorrelations
// of the ranks of the detrended series.
//
// Test: Mann (1945), Kendall (1975). Correction: K. H. Hamed and A. R. Rao, "A modified
// Mann-Kendall trend test for autocorrelated data", Journal of Hydrology 204 (1998) 182–196.
// The steps follow pymannkendall's hamed_rao_modification_test.
//
// Cost: O(n²) for S and for the autocorrelations, so callers pass at most
// MAX_TREND_POINTS points (see floor.ts).

import { twoSidedP, Z_95 } from './normal.js';
import type { Series } from './series.js';

export interface MannKendallResult {
  n: number;
  s: number;
  // Var(S) before and after the autocorrelation correction.
  varianceS: number;
  correctedVarianceS: number;
  // n/n*: how much the autocorrelation inflated the variance (1 = none).
  varianceInflation: number;
  z: number;
  pValue: number;
}

// Autocorrelation can also deflate the variance (negative ρ). We never let the correction
// make the test more liberal than the plain test: a false leak costs more than a late one.
const MIN_VARIANCE_INFLATION = 1;

// S and the tie-corrected Var(S) of a sequence.
export function mannKendallS(values: readonly number[]): { s: number; varianceS: number } {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    const xi = values[i]!;
    for (let j = i + 1; j < n; j++) {
      const d = values[j]! - xi;
      s += d > 0 ? 1 : d < 0 ? -1 : 0;
    }
  }
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of counts.values()) if (t > 1) tieTerm += t * (t - 1) * (2 * t + 5);
  return { s, varianceS: (n * (n - 1) * (2 * n + 5) - tieTerm) / 18 };
}

// Runs the corrected test. `senSlopePerMs` (the Theil–Sen slope) is used to detrend the
// series before measuring its autocorrelation, as Hamed and Rao prescribe.
export function mannKendallHamedRao(series: Series, senSlopePerMs: number): MannKendallResult {
  const n = series.values.length;
  const { s, varianceS } = mannKendallS(series.values);
  const inflation = n >= 3 ? varianceInflation(series, senSlopePerMs) : 1;
  const correctedVarianceS = varianceS * inflation;
  const z = correctedVarianceS > 0 ? (s - Math.sign(s)) / Math.sqrt(correctedVarianceS) : 0;
  return {
    n,
    s,
    varianceS,
    correctedVarianceS,
    varianceInflation: inflation,
    z,
    pValue: twoSidedP(z),
  };
}

// n/n* = 1 + 2 / (n(n−1)(n−2)) · Σ_k (n−k)(n−k−1)(n−k−2) ρ_k over the lags k whose
// autocorrelation ρ_k of the detrended ranks lies outside ±z/√n.
function varianceInflation(series: Series, senSlopePerMs: number): number {
  const n = series.values.length;
  const detrended = series.values.map((value, i) => value - senSlopePerMs * series.tMs[i]!);
  const ranks = rank(detrended);
  const mean = (n + 1) / 2;
  const centred = ranks.map((r) => r - mean);
  let c0 = 0;
  for (const c of centred) c0 += c * c;
  if (c0 === 0) return 1;
  const bound = Z_95 / Math.sqrt(n);
  let sum = 0;
  for (let k = 1; k < n - 2; k++) {
    let ck = 0;
    for (let i = 0; i + k < n; i++) ck += centred[i]! * centred[i + k]!;
    const rho = ck / c0;
    if (Math.abs(rho) > bound) sum += (n - k) * (n - k - 1) * (n - k - 2) * rho;
  }
  const inflation = 1 + (2 / (n * (n - 1) * (n - 2))) * sum;
  return Math.max(MIN_VARIANCE_INFLATION, inflation);
}

// Ranks 1..n, ties given their average rank.
function rank(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    const average = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]!] = average;
    i = j + 1;
  }
  return ranks;
}
