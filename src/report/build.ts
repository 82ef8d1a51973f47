// Builds the Report from a recording. Pure: the live run and `rssdoctor report FILE` both
// call this on the same records, so they cannot disagree.

import { analyzeProcess } from '../analysis/process-findings.js';
import type { DataQualityNote } from '../recording/data-quality.js';
import type { Recording } from '../recording/reader.js';
import type { BodyRecord, EndRecord, NoteRecord, SampleRecord } from '../recording/records.js';
import { judgeProcess, type ProcessVerdict } from '../verdict/process-verdict.js';
import type { Reason } from '../verdict/reason.js';
import { topLevel } from '../verdict/top-level.js';
import { breakdownOf } from './breakdown.js';
import { treeSummary } from './tree-summary.js';
import {
  REPORT_SCHEMA_VERSION,
  type ProcessReport,
  type Report,
  type RunSummary,
} from './report.js';

export interface BuildOptions {
  recordingPath: string | null;
}

export function buildReport(recording: Recording, options: BuildOptions): Report {
  const samplesByPid = new Map<number, SampleRecord[]>();
  const names = new Map<number, string>();
  for (const record of recording.records) {
    if (record.type === 'sample') {
      let list = samplesByPid.get(record.pid);
      if (list === undefined) samplesByPid.set(record.pid, (list = []));
      list.push(record);
    } else if (
      record.type === 'note' &&
      record.code === 'process.start' &&
      record.pid !== undefined
    ) {
      names.set(record.pid, record.name ?? '');
    }
  }

  const verdicts: ProcessVerdict[] = [];
  const processes: ProcessReport[] = [];
  const lastSamples = new Map<number, SampleRecord | undefined>();
  for (const [pid, samples] of samplesByPid) {
    const findings = analyzeProcess(pid, samples);
    const judged = judgeProcess(findings);
    verdicts.push(judged);
    lastSamples.set(pid, findings.lastSample);
    processes.push({
      pid,
      name: names.get(pid) ?? null,
      runtime: judged.runtime,
      verdict: judged.verdict,
      confidence: judged.confidence,
      reasons: finiteFigures(judged.reasons),
      samples: findings.samples,
      peakRssBytes: findings.samples > 0 ? findings.peakRssBytes : null,
      lastRssBytes: findings.lastSample?.rssBytes ?? null,
    });
  }

  const top = topLevel(verdicts);
  const run = runSummary(recording, options.recordingPath);
  const dataQuality = [...recording.dataQuality, ...sourceNotes(recording.records)];
  if (top === undefined) {
    return {
      schemaVersion: REPORT_SCHEMA_VERSION,
      verdict: 'inconclusive',
      confidence: 0,
      pid: null,
      runtime: 'other',
      reasons: [
        {
          code: 'no-samples',
          text: 'no sample of the target was recorded: it exited before the first tick, or /proc could not be read',
          figures: { samples: 0 },
        },
      ],
      breakdown: breakdownOf(undefined),
      advice: [],
      dataQuality,
      run,
      processes,
      tree: treeSummary(recording.records),
    };
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    verdict: top.verdict,
    confidence: top.confidence,
    pid: top.pid,
    runtime: top.runtime,
    reasons: finiteFigures(top.reasons),
    breakdown: breakdownOf(lastSamples.get(top.pid)),
    advice: [],
    dataQuality,
    run,
    processes,
    tree: treeSummary(recording.records),
  };
}

// JSON has no NaN or Infinity: a figure that could not be computed is left out, not
// written as null, so every figure present is a number (schema: figures are numbers).
function finiteFigures(reasons: readonly Reason[]): Reason[] {
  return reasons.map((reason) => ({
    ...reason,
    figures: Object.fromEntries(
      Object.entries(reason.figures).filter(([, value]) => Number.isFinite(value)),
    ),
  }));
}

function runSummary(recording: Recording, recordingPath: string | null): RunSummary {
  const end = recording.records.find((record): record is EndRecord => record.type === 'end');
  let lastMs = 0;
  let samples = 0;
  let forcedGcs = 0;
  let livePoints = 0;
  for (const record of recording.records) {
    lastMs = Math.max(lastMs, record.tMs);
    if (record.type === 'sample') samples++;
    if (record.type === 'gc' && record.liveBytes !== undefined) livePoints++;
    if (record.type === 'gc' && record.forced) forcedGcs++;
  }
  return {
    command: recording.header.command,
    durationMs: Math.round(end?.tMs ?? lastMs),
    samples,
    livePoints,
    forcedGcs,
    targetExited: end?.targetExited ?? false,
    exitCode: end?.exitCode ?? null,
    signal: end?.signal ?? null,
    timedOut: end?.timedOut ?? false,
    interrupted: end?.interrupted ?? false,
    truncated: recording.truncated,
    recordingPath,
  };
}

// Notes written by sources during the run (a /proc file that could not be read, say)
// become data-quality entries, once per code and process.
function sourceNotes(records: readonly BodyRecord[]): DataQualityNote[] {
  const seen = new Set<string>();
  const out: DataQualityNote[] = [];
  for (const record of records) {
    if (record.type !== 'note' || !record.code.startsWith('source.')) continue;
    const key = `${record.code}:${(record as NoteRecord).pid ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code: record.code, text: record.text });
  }
  return out;
}
