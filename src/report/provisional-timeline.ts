// The provisional verdicts a run showed, replayed from its recording: the same Provisional
// (report/provisional.ts) the live view uses, fed the records in order and evaluated on
// each of the root's samples, as the live view is. Tests use it to check that a steady
// target never showed `leak`; bench/verdict-time.mjs, to time the first correct one.

import type { Recording } from '../recording/reader.js';
import type { Verdict } from '../verdict/verdicts.js';
import { Provisional, PROVISIONAL_EVERY_MS } from './provisional.js';

export interface TimelinePoint {
  atMs: number;
  // The verdict the Report built at that moment gave, and the one shown after hysteresis.
  candidate: Verdict;
  shown: Verdict | null;
}

export function provisionalTimeline(
  recording: Recording,
  everyMs = PROVISIONAL_EVERY_MS,
): TimelinePoint[] {
  const provisional = new Provisional(everyMs);
  provisional.setHeader(recording.header);
  const points: TimelinePoint[] = [];
  let rootPid: number | null = null;
  let lastAtMs = Number.NEGATIVE_INFINITY;
  for (const record of recording.records) {
    provisional.add(record);
    if (record.type !== 'sample') continue;
    rootPid ??= record.pid;
    if (record.pid !== rootPid) continue;
    const state = provisional.evaluate(record.tMs);
    if (state === null || state.atMs === lastAtMs) continue;
    lastAtMs = state.atMs;
    points.push({
      atMs: state.atMs,
      candidate: state.report.verdict,
      shown: state.shown?.verdict ?? null,
    });
  }
  return points;
}
