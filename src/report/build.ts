// Builds the Report from a recording. Pure: the live run and `rssdoctor report FILE` both
// call this on the same records, so they cannot disagree.

import { analyzeProcess } from '../analysis/process-findings.js';
import type { DataQualityNote } from '../recording/data-quality.js';
import type { Recording } from '../recording/reader.js';
import type {
  BodyRecord,
  EndRecord,
  GcRecord,
  HeapRecord,
  NoteRecord,
  Runtime,
  SampleRecord,
} from '../recording/records.js';
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
  const byPid = groupByProcess(recording.records);
  const verdicts: ProcessVerdict[] = [];
  let livePoints = 0;
  const processes: ProcessReport[] = [];
  const lastSamples = new Map<number, SampleRecord | undefined>();
  for (const [pid, group] of byPid) {
    if (group.samples.length === 0) continue;
    const findings = analyzeProcess({
      pid,
      runtime: group.runtime,
      samples: group.samples,
      gcs: group.gcs,
      heaps: group.heaps,
      workers: group.threads.size,
    });
    const judged = judgeProcess(findings);
    livePoints += findings.runtimeFindings?.live.points ?? 0;
    verdicts.push(judged);
    lastSamples.set(pid, findings.lastSample);
    processes.push({
      pid,
      name: group.name,
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
  const run = { ...runSummary(recording, options.recordingPath), livePoints };
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

interface ProcessGroup {
  runtime: Runtime;
  name: string | null;
  samples: SampleRecord[];
  gcs: GcRecord[];
  heaps: HeapRecord[];
  // Worker thread ids seen (0, the main thread, excluded).
  threads: Set<number>;
}

// Splits the records by process, in order of first appearance (so the root comes first).
function groupByProcess(records: readonly BodyRecord[]): Map<number, ProcessGroup> {
  const groups = new Map<number, ProcessGroup>();
  const groupOf = (pid: number): ProcessGroup => {
    let group = groups.get(pid);
    if (group === undefined) {
      group = { runtime: 'other', name: null, samples: [], gcs: [], heaps: [], threads: new Set() };
      groups.set(pid, group);
    }
    return group;
  };
  for (const record of records) {
    if (record.type === 'sample') groupOf(record.pid).samples.push(record);
    else if (record.type === 'gc') groupOf(record.pid).gcs.push(record);
    else if (record.type === 'heap') {
      const group = groupOf(record.pid);
      group.heaps.push(record);
      if (record.threadId !== 0) group.threads.add(record.threadId);
    } else if (record.type === 'note' && record.pid !== undefined) {
      if (record.code === 'process.start') groupOf(record.pid).name ??= record.name ?? null;
      if (record.code === 'agent.hello' && record.runtime !== undefined) {
        groupOf(record.pid).runtime = record.runtime;
      }
    }
  }
  return groups;
}

function runSummary(recording: Recording, recordingPath: string | null): RunSummary {
  const end = recording.records.find((record): record is EndRecord => record.type === 'end');
  let lastMs = 0;
  let samples = 0;
  let forcedGcs = 0;
  for (const record of recording.records) {
    lastMs = Math.max(lastMs, record.tMs);
    if (record.type === 'sample') samples++;
    // One forced GC is one `gc` control, however many isolates it reached.
    if (record.type === 'control' && record.action === 'gc') forcedGcs++;
  }
  return {
    command: recording.header.command,
    durationMs: Math.round(end?.tMs ?? lastMs),
    samples,
    // Filled in by the caller from the analysis: live points count per GC round.
    livePoints: 0,
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
