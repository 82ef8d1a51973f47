// Builds the Report from a recording. Pure: the live run and `rssdoctor report FILE` both
// call this on the same records, so they cannot disagree.

import { runtimeModule } from '../runtimes/registry.js';
import { analyzeProcess, type ProcessFindings } from '../analysis/process-findings.js';
import type { DataQualityNote } from '../recording/data-quality.js';
import type { Recording } from '../recording/reader.js';
import type { BodyRecord, DemoRecord } from '../recording/records.js';
import { judgeProcess, type ProcessVerdict } from '../verdict/process-verdict.js';
import type { Reason } from '../verdict/reason.js';
import { topLevel } from '../verdict/top-level.js';
import { withReleaseEvidence } from '../verdict/release-evidence.js';
import { chooseAdvice } from '../advice/choose-advice.js';
import { adviceFacts } from './advice-facts.js';
import { attributionOf } from './attribution.js';
import { breakdownOf } from './breakdown.js';
import { capsOf } from './caps-of.js';
import { projectionOf } from './projection.js';
import { releaseProbe } from './release-probe.js';
import { beforeRelease } from './before-release.js';
import { groupByProcess } from './group-by-process.js';
import {
  REPORT_SCHEMA_VERSION,
  type DemoSummary,
  type ProcessReport,
  type ReleaseProbe,
  type Report,
} from './report.js';
import { runSummary } from './run-summary.js';
import { treeSummary } from './tree-summary.js';

export interface BuildOptions {
  recordingPath: string | null;
}

const NO_SAMPLES: Reason = {
  code: 'no-samples',
  text: 'no sample of the target was recorded: it exited before the first tick, or /proc could not be read',
  figures: { samples: 0 },
};

export function buildReport(recording: Recording, options: BuildOptions): Report {
  const verdicts: ProcessVerdict[] = [];
  const findingsByPid = new Map<number, ProcessFindings>();
  const groups = groupByProcess(beforeRelease(recording.records));
  const releases = new Map<number, ReleaseProbe>();
  const releaseAsked = recording.records.some(
    (record) => record.type === 'note' && record.code === 'probe.release',
  );
  const processes: ProcessReport[] = [];
  for (const [pid, group] of groups) {
    if (group.samples.length === 0) continue;
    const findings = analyzeProcess({ ...group, pid, workers: group.threads.size });
    const release = releaseProbe(pid, findings.runtime, group);
    if (release !== null) releases.set(pid, release);
    const verdict = withRelease(judgeProcess(findings), release);
    const judged = { ...verdict, reasons: finiteFigures(verdict.reasons) };
    verdicts.push(judged);
    findingsByPid.set(pid, findings);
    processes.push({
      pid,
      name: group.name,
      runtime: judged.runtime,
      verdict: judged.verdict,
      confidence: judged.confidence,
      reasons: judged.reasons,
      samples: findings.samples,
      peakRssBytes: findings.peakRssBytes,
      lastRssBytes: findings.lastSample?.rssBytes ?? null,
    });
  }

  let livePoints = 0;
  for (const findings of findingsByPid.values())
    livePoints += findings.runtimeFindings?.live.points ?? 0;
  const top = topLevel(verdicts);
  const topGroup = top === undefined ? undefined : groups.get(top.pid);
  const topFindings = top === undefined ? undefined : findingsByPid.get(top.pid);
  const limits =
    top === undefined || topGroup === undefined
      ? []
      : capsOf(topGroup, top.runtime, recording.header.host.totalMemoryBytes);
  // From the end, without copying the records: a provisional report is built every few
  // seconds of a run, over every record so far.
  const demo = recording.records.findLast((r) => r.type === 'demo');
  const breakdown = breakdownOf(topGroup, top?.runtime ?? 'other', topGroup?.mallocWhy ?? null);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    verdict: top?.verdict ?? 'inconclusive',
    confidence: top?.confidence ?? 0,
    pid: top?.pid ?? null,
    runtime: top?.runtime ?? 'other',
    reasons: top?.reasons ?? [NO_SAMPLES],
    breakdown,
    advice:
      top === undefined
        ? []
        : chooseAdvice(
            adviceFacts(
              top.verdict,
              top.runtime,
              breakdown,
              groups.get(top.pid),
              findingsByPid.get(top.pid)?.peakRssBytes ?? null,
              releases.get(top.pid) ?? null,
            ),
          ),
    dataQuality: [
      ...recording.dataQuality,
      ...sourceNotes(recording.records),
      ...coarseLiveNotes(findingsByPid),
    ],
    ...(releaseAsked && top !== undefined && releases.has(top.pid)
      ? { probeRelease: releases.get(top.pid)! }
      : {}),
    run: runSummary(recording, options.recordingPath, livePoints),
    processes,
    tree: treeSummary(recording.records),
    attribution: attributionOf({
      pid: top?.pid ?? null,
      runtime: top?.runtime ?? 'other',
      sites: top === undefined ? [] : (groups.get(top.pid)?.sites ?? []),
      live:
        top === undefined
          ? null
          : (findingsByPid.get(top.pid)?.runtimeFindings?.live.total ?? null),
      notes: recording.records.filter((record) => record.type === 'note'),
    }),
    limits,
    projection:
      top === undefined || topFindings === undefined
        ? null
        : projectionOf({ verdict: top.verdict, findings: topFindings, caps: limits }),
    ...(demo?.type === 'demo' ? { demo: demoSummary(demo) } : {}),
  };
}

function withRelease(verdict: ProcessVerdict, release: ReleaseProbe | null): ProcessVerdict {
  if (release?.rssBeforeBytes == null || release.reclaimableBytes === null) return verdict;
  return withReleaseEvidence(verdict, {
    rssBeforeBytes: release.rssBeforeBytes,
    reclaimableBytes: release.reclaimableBytes,
  });
}

function demoSummary(record: DemoRecord): DemoSummary {
  const { type: _type, tMs: _tMs, ...summary } = record;
  return summary;
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

// A live series in whole units (Go's H2 in MiB) is coarse on a small heap, and says so.
function coarseLiveNotes(findingsByPid: Map<number, ProcessFindings>): DataQualityNote[] {
  const out: DataQualityNote[] = [];
  for (const [pid, findings] of findingsByPid) {
    const found = findings.runtimeFindings;
    if (found?.own?.proofs.coarseLive !== true) continue;
    const note = runtimeModule(found.runtime)?.explain?.coarseLiveNote?.(pid);
    if (note !== undefined) out.push(note);
  }
  return out;
}

// Notes written by sources during the run (a /proc file that could not be read, say), and
// attach's (what it could not reach, the inspector it opened), become data-quality
// entries, once per code and process (attribution says its own).
const DATA_QUALITY_NOTE =
  /^(source\.(?!sitesUnavailable)|attach\.(osLevel|denied|inspectorOpen)$|recording\.writeFailed$)/;

function sourceNotes(records: readonly BodyRecord[]): DataQualityNote[] {
  const seen = new Set<string>();
  const out: DataQualityNote[] = [];
  for (const record of records) {
    if (record.type !== 'note' || !DATA_QUALITY_NOTE.test(record.code)) continue;
    const key = `${record.code}:${record.pid ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code: record.code, text: record.text });
  }
  return out;
}
