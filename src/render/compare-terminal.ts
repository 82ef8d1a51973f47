// Renders a Comparison for a person at a terminal. Only renders: the CLI decides where.

import type { Comparison, ProcessComparison } from '../compare/comparison.js';
import type { ProcessFigures } from '../compare/process-figures.js';
import { formatBytes, formatRate, formatSeconds } from '../format/figures.js';
import { pText } from '../format/p-text.js';

export function renderCompareTerminal(comparison: Comparison): string {
  const { before, after } = comparison;
  const lines = [
    `compare: ${comparison.verdict}`,
    `  ${comparison.text}`,
    '',
    `  before: ${before.path} — ${before.verdict}, ${formatSeconds(before.durationMs)} at ${formatSeconds(before.intervalMs)}`,
    `  after:  ${after.path} — ${after.verdict}, ${formatSeconds(after.durationMs)} at ${formatSeconds(after.intervalMs)}`,
    '',
  ];
  for (const pair of comparison.processes)
    lines.push(...pairLines(pair, pair === comparison.overall));
  return lines.join('\n') + '\n';
}

function pairLines(pair: ProcessComparison, overall: boolean): string[] {
  const title = `${pair.name ?? '?'} [${pair.runtime}]${overall ? ' (the verdict’s process)' : ''}: ${pair.verdict}`;
  const d = pair.difference;
  const rate = (figures: ProcessFigures | null): string => {
    const r = figures?.[pair.series];
    return r == null ? 'n/a' : formatRate(r.bytesPerSecond);
  };
  const side = (figures: ProcessFigures | null): string =>
    figures === null
      ? 'absent'
      : `${figures.verdict}, peak RSS ${formatBytes(figures.peakRssBytes)}, steady ${formatBytes(figures.steadyRssBytes)}, ` +
        `full GCs ${figures.naturalFullGcs} (+${figures.forcedFullGcs} forced), minor ${figures.minorGcs}`;
  return [
    `  ${title}`,
    `    ${pair.series === 'live' ? 'live heap' : 'RSS'} growth: ${rate(pair.before)} → ${rate(pair.after)}` +
      (d === null
        ? ''
        : `; difference ${formatRate(d.bytesPerSecond)} (95% ${formatRate(d.lowBytesPerSecond)} to ${formatRate(d.highBytesPerSecond)}), ${pText(d.pValue)}`),
    `    before: ${side(pair.before)}`,
    `    after:  ${side(pair.after)}`,
  ];
}
