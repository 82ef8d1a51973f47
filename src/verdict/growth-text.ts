// The figures and the words for a growth finding, shared by every reason that quotes a
// trend (OS-level RSS, live heap, off-heap memory).

import type { GrowthFinding } from '../analysis/growth.js';
import { formatRate, formatSeconds } from '../format/figures.js';
import { pText } from '../format/p-text.js';

export type GrowthOk = Extract<GrowthFinding, { state: 'ok' }>;

export function growthFigures(found: GrowthOk): Record<string, number> {
  return {
    slopeBytesPerSecond: found.trend.slopeBytesPerSecond,
    slopeLowerBytesPerSecond: found.trend.lowerBytesPerSecond,
    slopeUpperBytesPerSecond: found.trend.upperBytesPerSecond,
    growthBytes: found.size.growthBytes,
    leakThresholdBytes: found.size.thresholdBytes,
    pValue: found.trend.pValue,
    varianceInflation: found.trend.varianceInflation,
    points: found.points,
  };
}

export function slopeText(found: GrowthOk): string {
  return (
    `Theil–Sen ${formatRate(found.trend.slopeBytesPerSecond)} ` +
    `(95% interval ${formatRate(found.trend.lowerBytesPerSecond)} to ${formatRate(found.trend.upperBytesPerSecond)}), ` +
    testText(found)
  );
}

// Over what the growth was measured: the whole run, or the regime after a start-up ramp.
export function spanText(found: GrowthOk): string {
  return found.afterStartUpMs === null
    ? 'over the run'
    : `after its start-up (from ${formatSeconds(found.afterStartUpMs)})`;
}

// How the trend's p was obtained: exact for a handful of points, else corrected.
export function testText(found: GrowthOk): string {
  return found.trend.exact
    ? `exact Mann–Kendall ${pText(found.trend.pValue)} (one-sided, ${found.points} points)`
    : `Mann–Kendall ${pText(found.trend.pValue)} corrected for autocorrelation (variance ×${found.trend.varianceInflation.toFixed(1)})`;
}
