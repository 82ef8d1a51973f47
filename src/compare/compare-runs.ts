// Compares two recordings (compare-inputs.ts reads them): each process paired with its
// counterpart, its growth rates tested (rate-difference.ts), and one verdict. Pure.
//
// The overall verdict is the pair holding the before run's verdict process, except that
// any pair that regressed makes it `regressed`: a fix that moves the leak into a child
// process is not an improvement.

import { formatBytes, formatRate } from '../format/figures.js';
import { pText } from '../format/p-text.js';
import type { Recording } from '../recording/reader.js';
import { buildReport } from '../report/build.js';
import { groupByProcess } from '../report/group-by-process.js';
import type { Report } from '../report/report.js';
import {
  COMPARISON_SCHEMA_VERSION,
  type Comparison,
  type ProcessComparison,
  type RunSide,
} from './comparison.js';
import { matchProcesses } from './match-processes.js';
import { processFigures, type ProcessFigures } from './process-figures.js';
import { rateDifference } from './rate-difference.js';

export interface CompareInput {
  recording: Recording;
  path: string;
}

interface Side {
  run: RunSide;
  processes: { pid: number; name: string | null; runtime: string; figures: ProcessFigures }[];
}

export function compareRuns(before: CompareInput, after: CompareInput): Comparison {
  const a = sideOf(before);
  const b = sideOf(after);
  const pairs = matchProcesses(a.processes, b.processes).map(([x, y]) => compareProcess(x, y));
  const overallIndex = Math.max(
    0,
    a.processes.findIndex((p) => p.pid === a.run.pid),
  );
  // matchProcesses keeps the before run's order for its pairs.
  const overall = pairs[overallIndex] ?? compareProcess(null, null);
  const regressed = pairs.find((pair) => pair.verdict === 'regressed');
  const verdict = regressed !== undefined ? 'regressed' : overall.verdict;
  const text =
    regressed !== undefined && regressed !== overall
      ? `regressed: ${regressed.name ?? 'a process'} — ${regressed.text}`
      : `${verdict}: ${overall.text}`;
  return {
    schemaVersion: COMPARISON_SCHEMA_VERSION,
    verdict,
    text,
    before: a.run,
    after: b.run,
    overall,
    processes: pairs,
  };
}

function sideOf(input: CompareInput): Side {
  const report: Report = buildReport(input.recording, { recordingPath: input.path });
  const groups = groupByProcess(input.recording.records);
  const processes = report.processes.flatMap((p) => {
    const group = groups.get(p.pid);
    return group === undefined
      ? []
      : [
          {
            pid: p.pid,
            name: p.name,
            runtime: p.runtime,
            figures: processFigures(p.pid, group, p.verdict),
          },
        ];
  });
  return {
    run: {
      path: input.path,
      command: input.recording.header.command,
      startedAt: input.recording.header.startedAt,
      intervalMs: input.recording.header.intervalMs,
      durationMs: report.run.durationMs,
      verdict: report.verdict,
      pid: report.pid,
    },
    processes,
  };
}

type Entry = Side['processes'][number];

function compareProcess(before: Entry | null, after: Entry | null): ProcessComparison {
  const named = before ?? after;
  const x = before?.figures ?? null;
  const y = after?.figures ?? null;
  // The live heap when both runs measured its rate; else RSS's floor.
  const series = x?.live != null && y?.live != null ? 'live' : 'rss';
  const rx = x?.[series] ?? null;
  const ry = y?.[series] ?? null;
  const base = {
    name: named?.name ?? null,
    runtime: named?.runtime ?? 'other',
    series,
    before: x,
    after: y,
  } as const;
  if (x === null || y === null) {
    return {
      ...base,
      difference: null,
      verdict: 'inconclusive',
      text: `only the ${x === null ? 'after' : 'before'} run has this process`,
    };
  }
  if (rx === null || ry === null) {
    return {
      ...base,
      difference: null,
      verdict: 'inconclusive',
      text: `the ${rx === null ? 'before' : 'after'} run has too few points of ${SERIES[series]} for a rate: run it longer`,
    };
  }
  const shorterSeconds = Math.min(x.durationMs, y.durationMs) / 1000;
  const difference = rateDifference(rx, ry, shorterSeconds);
  const rates = `${SERIES[series]} grew ${formatRate(rx.bytesPerSecond)} before and ${formatRate(ry.bytesPerSecond)} after`;
  const change =
    `difference ${formatRate(difference.bytesPerSecond)} (95% interval ${formatRate(difference.lowBytesPerSecond)} to ` +
    `${formatRate(difference.highBytesPerSecond)}, ${pText(difference.pValue)})`;
  const peaks = `peak RSS ${formatBytes(x.peakRssBytes)} → ${formatBytes(y.peakRssBytes)}`;
  const why: Record<typeof difference.verdict, string> = {
    improved: 'slower, beyond chance and by more than the material change',
    regressed: 'faster, beyond chance and by more than the material change',
    unchanged: `the whole interval is within ±${formatRate(difference.materialBytesPerSecond)}, the smallest change that matters`,
    inconclusive: `the interval reaches past ±${formatRate(difference.materialBytesPerSecond)} without ruling out no change: run both longer`,
  };
  return {
    ...base,
    difference,
    verdict: difference.verdict,
    text: `${rates}; ${change}: ${why[difference.verdict]}; ${peaks}`,
  };
}

const SERIES = { live: 'the live heap', rss: 'RSS' } as const;
