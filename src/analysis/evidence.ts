// Minimum evidence, stated as points and span rather than a duration: a second at 10 Hz and
// a minute at 1 Hz are not the same amount of evidence, and live points (full GCs) are rare.

// OS-level samples needed before any verdict, and the time they must span. The first
// sample is taken at start, so a 30 s run at the default 1 s interval has 31 samples over
// 30 s; on a busy machine a tick or two slips, and this leaves room for ten. The span keeps
// a burst of fast samples (0.1 s for 2 s) from passing for a trend; 8 s, so that a 10 s
// run whose last tick is cut by --duration still has it.
export const MIN_OS_POINTS = 20;
export const MIN_OS_SPAN_MS = 8_000;
// Post-full-GC live points needed before the live heap can support a verdict. Five is the
// fewest for which the exact Mann–Kendall test (mann-kendall-exact.ts) can reach its level:
// five strictly rising points have P = 1/120 ≈ 0.0083 under no trend. Under GOGC=100 a
// leaking Go heap doubles between GCs, so its GC count grows with the logarithm of the
// heap: a fixed 8 took minutes, or never came, for the programs that leak fastest.
export const MIN_LIVE_POINTS = 5;
// Below this many live points the live heap alone is not trusted for `leak`: the RSS must
// rise with it (process-verdict.ts). At 5 points a flat heap's noise ranks itself in
// strictly rising order once in 120 runs; RSS rising with it makes that a non-event.
export const CORROBORATE_BELOW_LIVE_POINTS = 8;
