// Are GCs coming more and more often? The sign of a heap pressing against a memory limit:
// with GOMEMLIMIT, Go collects harder as live data fills the limit.
//
//   GCs  |      |  |  | |||||||||||        first third vs last third of the run
//        └──────────────────────► t
//
// Compared as counts per third of the run: the last third must have at least
// MIN_LAST_THIRD_GCS and GC_RATE_RISE_FACTOR times the first third's.

export const GC_RATE_RISE_FACTOR = 2;
export const MIN_LAST_THIRD_GCS = 4;

export interface GcRateFinding {
  rising: boolean;
  firstThirdPerMinute: number;
  lastThirdPerMinute: number;
}

export function gcRate(gcTMs: readonly number[], startMs: number, endMs: number): GcRateFinding {
  const thirdMs = (endMs - startMs) / 3;
  if (thirdMs <= 0) return { rising: false, firstThirdPerMinute: 0, lastThirdPerMinute: 0 };
  let first = 0;
  let last = 0;
  for (const t of gcTMs) {
    if (t < startMs + thirdMs) first++;
    else if (t >= endMs - thirdMs) last++;
  }
  const perMinute = (count: number): number => (count * 60_000) / thirdMs;
  return {
    rising: last >= MIN_LAST_THIRD_GCS && last >= GC_RATE_RISE_FACTOR * first,
    firstThirdPerMinute: perMinute(first),
    lastThirdPerMinute: perMinute(last),
  };
}
