import type { Recording } from '../recording/reader.js';
import type { EndRecord } from '../recording/records.js';
import type { RunSummary } from './report.js';

// The run's facts from its records. `livePoints` comes from the analysis, which counts
// them per GC round across isolates.
export function runSummary(
  recording: Recording,
  recordingPath: string | null,
  livePoints: number,
): RunSummary {
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
    livePoints,
    forcedGcs,
    targetExited: end?.targetExited ?? false,
    exitCode: end?.exitCode ?? null,
    signal: end?.signal ?? null,
    oomKilled: end?.oomKilled ?? false,
    timedOut: end?.timedOut ?? false,
    interrupted: end?.interrupted ?? false,
    stopped: end?.stopped ?? false,
    truncated: recording.truncated,
    recordingPath,
    ...(recording.header.attachedPid === undefined
      ? {}
      : { attachedPid: recording.header.attachedPid }),
  };
}
