// Minimum evidence, counted in points rather than seconds: a second at 10 Hz and a minute
// at 1 Hz are not the same amount of evidence, and live points (full GCs) are rare.

// OS-level samples needed before any verdict: the trend test's normal approximation and
// the plateau rule's last third (≥ 8 points) both need this many.
export const MIN_OS_POINTS = 30;
// Post-full-GC live points needed before the live heap can support a verdict. With 8, a
// perfectly monotone series reaches Mann–Kendall p ≈ 0.001, clear of TREND_ALPHA (0.01);
// with 6 it could not get below 0.0085.
// A leak fixture at 1 MiB/s showed 2 full GCs in 30 s; active confirmation tops this up.
export const MIN_LIVE_POINTS = 8;
