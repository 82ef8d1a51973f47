// The standard normal distribution, for the p-values of the trend test.
// Uses the complementary error function of Numerical Recipes (erfcc, Chebyshev fit),
// accurate to 1.2e-7 everywhere — ample for p-values compared against 0.01.

// z such that Φ(z) = 0.975: the two-sided 95% quantile.
export const Z_95 = 1.959963984540054;

// Two-sided p-value of a standard normal statistic.
export function twoSidedP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
