// Reasons that bound growth rather than detect it: when the runtime saw too few GCs, or its
// last one is stale, a flat RSS (and what the runtime itself bounds: its module's
// explain.bounds) still say how fast memory can be growing, and that is what a `steady` or
// `retention` verdict then rests on.

import { LEAK_MIN_BYTES, LEAK_MIN_FRACTION } from '../analysis/leak-size.js';
import type { GrowthFinding } from '../analysis/growth.js';
import { OS_STEADY_CONFIDENCE_MAX } from './confidence.js';
import { formatRate } from '../format/figures.js';
import type { Reason } from './reason.js';

// A bounded verdict whose bound is above the material rate is still the likelier reading,
// but no more than this sure.
export const LOOSE_BOUND_CONFIDENCE = 0.6;

export function boundReasons(rss: GrowthFinding): Reason[] {
  const reasons: Reason[] = [];
  if (rss.state === 'ok') {
    const window = rss.plateauFinding.state === 'ok' ? rss.plateauFinding : null;
    const upper = rssUpperBytesPerSecond(rss);
    reasons.push({
      code: 'rss-growth-bound',
      text:
        `RSS grows less than ${formatRate(Math.max(0, upper))} ` +
        `(upper 95% bound of its Theil–Sen slope over ${rss.points} samples` +
        `${window?.window === 'after-knee' ? ', after it levelled off' : ''})`,
      figures: { rssUpperBytesPerSecond: upper, samples: rss.points },
    });
  }
  return reasons;
}

// As sure as a flat RSS can make us when its bound is below the rate that would matter
// over the run (the leak-size rule's growth, spread over the run); less when it is not.
export function boundedConfidence(rss: GrowthFinding, peakRssBytes: number): number {
  if (rss.state !== 'ok') return 0;
  const spanSeconds = (rss.trend.endMs - rss.trend.startMs) / 1000;
  const materialRate =
    Math.max(LEAK_MIN_BYTES, LEAK_MIN_FRACTION * peakRssBytes) / Math.max(1, spanSeconds);
  return rssUpperBytesPerSecond(rss) <= materialRate
    ? OS_STEADY_CONFIDENCE_MAX
    : LOOSE_BOUND_CONFIDENCE;
}

// The bound: the upper 95% slope of RSS's final regime (after its knee, or its last third),
// else of the whole run.
function rssUpperBytesPerSecond(rss: Extract<GrowthFinding, { state: 'ok' }>): number {
  const window = rss.plateauFinding.state === 'ok' ? rss.plateauFinding : null;
  return window?.lastThirdUpperBytesPerSecond ?? rss.trend.upperBytesPerSecond;
}
