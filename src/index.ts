// The public library API. Named re-exports only; test/exports.test.ts pins this list.

export { analyze } from './analyze.js';
export type { AnalyzeInput, AnalyzeResult } from './analyze.js';
export { startRun, STOP_GRACE_MS, DEFAULT_INTERVAL_MS } from './run/run.js';
export type { RunOptions, RunHandle, RunProgress } from './run/run.js';
export { startAttach } from './attach/attach.js';
export type { AttachOptions, AttachHandle } from './attach/attach.js';
export { readRecording, parseRecording } from './recording/reader.js';
export type { Recording } from './recording/reader.js';
export { RECORDING_SCHEMA_VERSION } from './recording/records.js';
export type {
  HeaderRecord,
  SampleRecord,
  GcRecord,
  ControlRecord,
  NoteRecord,
  EndRecord,
  BodyRecord,
} from './recording/records.js';
export { buildReport } from './report/build.js';
export { REPORT_SCHEMA_VERSION } from './report/report.js';
export type {
  Report,
  Breakdown,
  BreakdownPart,
  Advice,
  RunSummary,
  ProcessReport,
  TreeSummary,
  ReleaseProbe,
} from './report/report.js';
export { renderJson } from './render/json.js';
export { renderTerminal } from './render/terminal.js';
export { renderHtml } from './render/html.js';
export { VERDICTS } from './verdict/verdicts.js';
export type { Verdict, Runtime } from './verdict/verdicts.js';
export type { Reason } from './verdict/reason.js';
export type { DataQualityNote } from './recording/data-quality.js';
export { RssdoctorError, isRssdoctorError } from './errors.js';
export type { ErrorCode } from './errors.js';
