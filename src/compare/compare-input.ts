// What `compare` accepts on each side: a recording, or a Report JSON whose
// run.recordingPath still points at its recording (a Report carries verdicts, not the
// series a rate is tested on). The path is tried as written, then beside the report.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RssdoctorError } from '../errors.js';
import { parseRecording, readRecording } from '../recording/reader.js';
import type { CompareInput } from './compare-runs.js';

export function readCompareInput(file: string): CompareInput {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // readRecording throws the error that names what is wrong with the path.
    return { recording: readRecording(file), path: file };
  }
  // A recording's first line is its header; a Report is one JSON object.
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  if (!text.startsWith('{') || /"type"\s*:\s*"header"/.test(firstLine))
    return { recording: parseRecording(text, file), path: file };
  let recordingPath: unknown;
  try {
    recordingPath = (JSON.parse(text) as { run?: { recordingPath?: unknown } }).run?.recordingPath;
  } catch {
    recordingPath = undefined;
  }
  if (typeof recordingPath !== 'string') {
    throw new RssdoctorError(
      'recording.unreadable',
      `${file} is neither a recording nor a Report JSON naming one (run.recordingPath); pass the .ndjson that \`rssdoctor run\` wrote`,
    );
  }
  const beside = path.join(path.dirname(file), path.basename(recordingPath));
  const found = [recordingPath, beside].find((candidate) => existsSync(candidate));
  if (found === undefined) {
    throw new RssdoctorError(
      'recording.notFound',
      `${file} is a Report; its recording ${recordingPath} is gone, and compare needs the series: pass a recording, or keep it beside the report`,
    );
  }
  return { recording: readRecording(found), path: found };
}
