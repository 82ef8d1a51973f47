// Did the growth rate change between two runs? The difference of two Theil–Sen slopes,
// its 95% interval and a z-test, then a decision with a materiality margin δ.
//
//     rate    before ├───●───┤                  Δ = after − before
//       │                          after ├──●──┤   se = half-width / z₀.₉₇₅ for each run
//       │                                          z = Δ / √(se₁² + se₂²), p two-sided
//     ──┼──────── −δ ═══════ 0 ═══════ +δ ──────
//             improved  unchanged: Δ ± z·se    regressed: p < α and Δ > δ
//                       inside ±δ (equivalence)
//
// Test: the z-test for the equality of two regression coefficients from independent
// samples, R. Paternoster et al., "Using the correct statistical test for the equality of
// regression coefficients", Criminology 36 (1998) 859–866 (their eq. 4). The Theil–Sen
// interval (Sen 1968) is asymmetric; its mean half-width stands for 1.96 se. Unchanged is
// an equivalence claim (two one-sided tests, Schuirmann 1987): the whole interval of Δ
// lies within ±δ. Neither: inconclusive, with the interval saying what it could not rule out.

import { twoSidedP, Z_95 } from '../analysis/normal.js';

export const COMPARE_ALPHA = 0.05;
// A change below this share of the larger rate is not worth a verdict either way.
export const MATERIAL_FRACTION = 0.25;
// …nor one that adds less than 1 MiB over the shorter run (the leak-size rule's floor).
export const MATERIAL_MIN_BYTES = 1024 * 1024;

export const CHANGE_VERDICTS = ['improved', 'regressed', 'unchanged', 'inconclusive'] as const;
export type ChangeVerdict = (typeof CHANGE_VERDICTS)[number];

export interface Rate {
  bytesPerSecond: number;
  lowBytesPerSecond: number;
  highBytesPerSecond: number;
}

export interface RateDifference {
  // after − before.
  bytesPerSecond: number;
  lowBytesPerSecond: number;
  highBytesPerSecond: number;
  // null when neither rate has an interval (every point on its line): p is then 0 or 1.
  z: number | null;
  pValue: number;
  // δ: the smallest change called material.
  materialBytesPerSecond: number;
  verdict: ChangeVerdict;
}

export function rateDifference(before: Rate, after: Rate, shorterSeconds: number): RateDifference {
  const se = (rate: Rate): number =>
    Math.max(0, rate.highBytesPerSecond - rate.lowBytesPerSecond) / 2 / Z_95;
  const seDiff = Math.hypot(se(before), se(after));
  const diff = after.bytesPerSecond - before.bytesPerSecond;
  const z = seDiff > 0 ? diff / seDiff : null;
  const pValue = z !== null ? twoSidedP(z) : diff === 0 ? 1 : 0;
  const material = Math.max(
    MATERIAL_MIN_BYTES / Math.max(1, shorterSeconds),
    MATERIAL_FRACTION * Math.max(Math.abs(before.bytesPerSecond), Math.abs(after.bytesPerSecond)),
  );
  const low = diff - Z_95 * seDiff;
  const high = diff + Z_95 * seDiff;
  let verdict: ChangeVerdict = 'inconclusive';
  if (pValue < COMPARE_ALPHA && Math.abs(diff) > material)
    verdict = diff < 0 ? 'improved' : 'regressed';
  else if (low >= -material && high <= material) verdict = 'unchanged';
  return {
    bytesPerSecond: diff,
    lowBytesPerSecond: low,
    highBytesPerSecond: high,
    z,
    pValue,
    materialBytesPerSecond: material,
    verdict,
  };
}
