// Plain-words reasons for OS-level findings (RSS only, no runtime source).

import { PLATEAU_FRACTION } from '../analysis/plateau.js';
import { formatBytes, formatRate, formatSeconds } from '../format/figures.js';
import { growthFigures, slopeText, spanText, testText, type GrowthOk } from './growth-text.js';
import type { Reason } from './reason.js';
import { REMEDIES } from './remedy.js';

export function tooFewSamplesReason(
  samples: number,
  durationMs: number,
  needed: { samples: number; spanMs: number },
): Reason {
  return {
    code: 'too-few-samples',
    text:
      `saw ${samples} sample(s) over ${formatSeconds(durationMs)}, need at least ${needed.samples} ` +
      `over ${formatSeconds(needed.spanMs)}: ${REMEDIES.longerForSamples.cli}`,
    figures: {
      samples,
      neededSamples: needed.samples,
      durationMs,
      neededDurationMs: needed.spanMs,
    },
  };
}

export function osRisingReasons(found: GrowthOk): Reason[] {
  return [
    {
      code: 'rss-rising',
      text:
        `RSS grew ${formatBytes(found.size.growthBytes)} ${spanText(found)} (${slopeText(found)}) ` +
        `and kept growing into the last third`,
      figures: growthFigures(found),
    },
    osLevelOnlyReason(),
  ];
}

export function osPlateauReasons(found: GrowthOk): Reason[] {
  const plateau = found.plateauFinding;
  const lastUpper = plateau.state === 'ok' ? plateau.lastThirdUpperBytesPerSecond : Number.NaN;
  const wholeRate = plateau.state === 'ok' ? plateau.wholeSlopeBytesPerSecond : Number.NaN;
  return [
    {
      code: 'rss-rise-then-plateau',
      text:
        `RSS rose ${formatBytes(found.shift.riseBytes)}${startUpText(found)} (from ${formatBytes(found.shift.startLevelBytes)} to ` +
        `${formatBytes(found.shift.endLevelBytes)}) and then levelled off: the last third grows at most ` +
        `${formatRate(lastUpper)}, under ${PLATEAU_FRACTION * 100}% of the run's ${formatRate(wholeRate)}. ` +
        `Memory taken and then held (a cache, an allocator keeping freed pages) rather than a leak so far`,
      figures: {
        ...growthFigures(found),
        riseBytes: found.shift.riseBytes,
        lastThirdUpperBytesPerSecond: lastUpper,
        wholeRateBytesPerSecond: wholeRate,
      },
    },
    osLevelOnlyReason(),
  ];
}

export function osUnsettledReasons(found: GrowthOk): Reason[] {
  return [
    {
      code: 'rss-rise-unsettled',
      text:
        `RSS ended ${formatBytes(found.shift.riseBytes)} above where it started, but neither kept rising ` +
        `significantly nor levelled off: ${REMEDIES.longerToSettle.cli}`,
      figures: { ...growthFigures(found), riseBytes: found.shift.riseBytes },
    },
  ];
}

export function osFlatReasons(found: GrowthOk): Reason[] {
  const why =
    found.trend.direction !== 'up'
      ? `no significant upward trend (${testText(found)})`
      : `a significant but small trend: growth ${formatBytes(found.size.growthBytes)} is under the leak-size threshold ` +
        `${formatBytes(found.size.thresholdBytes)} or its interval reaches zero`;
  return [
    {
      code: 'rss-flat',
      text: `RSS is flat around ${formatBytes(found.size.medianBytes)}${startUpText(found)}: ${why}`,
      figures: { ...growthFigures(found), medianRssBytes: found.size.medianBytes },
    },
  ];
}

// A start-up set aside is said: the reader sees RSS climb in the chart's first seconds.
function startUpText(found: GrowthOk): string {
  return found.afterStartUpMs === null ? '' : ` ${spanText(found)}`;
}

function osLevelOnlyReason(): Reason {
  return {
    code: 'os-level-only',
    text:
      'OS-level only: no runtime source says what is live, so RSS alone cannot tell a leak from memory held ' +
      'for reuse; confidence is capped at 0.5',
    figures: {},
  };
}
