// What the HTML report's projection plot draws: the series that grows toward the limit
// (the live points, or RSS), the limit as a line, and from the last sample the projected
// growth with its interval as a band, out to the interval's far end (or twice the point
// estimate when the interval has none).

import type { Report } from '../report/report.js';
import type { ViewData } from './view-data.js';

export interface ProjectionView {
  limitBytes: number;
  limitName: string;
  limitMarginBytes: number;
  series: 'live' | 'rss' | 'vm';
  observed: { t: number[]; bytes: number[] };
  fromSeconds: number;
  levelBytes: number;
  slopeBytesPerSecond: number;
  lowerBytesPerSecond: number;
  upperBytesPerSecond: number;
  untilSeconds: number;
  text: string;
}

export function projectionView(
  report: Report,
  view: Pick<ViewData, 'memory' | 'live'>,
): ProjectionView | null {
  const projection = report.projection;
  if (projection === null) return null;
  const fromSeconds = projection.fromMs / 1000;
  const far = projection.secondsToLimitHigh ?? 2 * projection.secondsToLimit;
  const observed =
    projection.series === 'live'
      ? { t: view.live.t, bytes: view.live.bytes }
      : { t: view.memory.t, bytes: view.memory.rss };
  return {
    limitBytes: projection.limitBytes,
    limitName: projection.limitName,
    limitMarginBytes: projection.limitMarginBytes,
    series: projection.series,
    observed,
    fromSeconds,
    levelBytes: projection.levelBytes,
    slopeBytesPerSecond: projection.growthBytesPerSecond,
    lowerBytesPerSecond: projection.growthLowBytesPerSecond,
    upperBytesPerSecond: projection.growthHighBytesPerSecond,
    untilSeconds: fromSeconds + far * 1.1,
    text: projection.text,
  };
}
