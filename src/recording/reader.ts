import { readFileSync } from 'node:fs';
import { RssdoctorError } from '../errors.js';
import type { DataQualityNote } from './data-quality.js';
import { RECORDING_SCHEMA_VERSION, type BodyRecord, type HeaderRecord } from './records.js';
import { checkBodyRecord } from './record-shape.js';

export interface Recording {
  header: HeaderRecord;
  records: BodyRecord[];
  // True when the run did not end cleanly: no `end` record, or the last line was cut.
  truncated: boolean;
  dataQuality: DataQualityNote[];
}

// Reads a recording from disk. A missing file or a file that is not a recording throws;
// damage inside a recording (a cut last line, a corrupt line, an unknown record type)
// is kept as a data-quality note, so whatever was recorded is still analysed.
export function readRecording(path: string): Recording {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new RssdoctorError(
        'recording.notFound',
        `recording ${path} does not exist; pass the path that \`rssdoctor run\` printed`,
      );
    }
    throw new RssdoctorError(
      'recording.unreadable',
      `cannot read recording ${path} (${code ?? 'error'}); check its permissions`,
      { cause: error },
    );
  }
  return parseRecording(text, path);
}

// Parses recording text. `source` only names the recording in messages.
export function parseRecording(text: string, source = 'recording'): Recording {
  const lines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  if (endsWithNewline) lines.pop();
  const header = parseHeader(lines[0], source);
  const records: BodyRecord[] = [];
  const dataQuality: DataQualityNote[] = [];
  let cutLastLine = false;
  let corruptLines = 0;
  let firstCorruptLine = 0;
  const unknownTypes = new Map<string, number>();

  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '') continue;
    const isLast = index === lines.length - 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (isLast && !endsWithNewline) cutLastLine = true;
      else {
        corruptLines++;
        if (firstCorruptLine === 0) firstCorruptLine = index + 1;
      }
      continue;
    }
    const checked = checkBodyRecord(value);
    if (checked.kind === 'record') records.push(checked.record);
    else if (checked.kind === 'unknown') {
      unknownTypes.set(checked.type, (unknownTypes.get(checked.type) ?? 0) + 1);
    } else {
      corruptLines++;
      if (firstCorruptLine === 0) firstCorruptLine = index + 1;
    }
  }

  if (cutLastLine) {
    dataQuality.push({
      code: 'recording.cutLine',
      text: `the last line of ${source} was cut mid-record and was skipped; everything before it was used`,
    });
  }
  if (corruptLines > 0) {
    dataQuality.push({
      code: 'recording.corruptLines',
      text: `${corruptLines} line(s) of ${source} were not valid records (first at line ${firstCorruptLine}) and were skipped`,
    });
  }
  for (const [type, count] of unknownTypes) {
    dataQuality.push({
      code: 'recording.unknownRecordType',
      text: `${count} record(s) of unknown type "${type}" were skipped; a newer rssdoctor may read them`,
    });
  }
  const hasEnd = records.some((record) => record.type === 'end');
  if (!hasEnd) {
    dataQuality.push({
      code: 'recording.noEnd',
      text: `${source} has no end record: the run stopped before rssdoctor could finish it`,
    });
  }
  return { header, records, truncated: cutLastLine || !hasEnd, dataQuality };
}

function parseHeader(line: string | undefined, source: string): HeaderRecord {
  const unreadable = (seen: string): RssdoctorError =>
    new RssdoctorError(
      'recording.unreadable',
      `${source} is not an rssdoctor recording: expected a header line with "type":"header", saw ${seen}; pass a file written by \`rssdoctor run\``,
    );
  if (line === undefined || line.trim() === '') throw unreadable('an empty file');
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw unreadable(`"${line.slice(0, 40)}${line.length > 40 ? '…' : ''}"`);
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as { type?: unknown }).type !== 'header'
  ) {
    throw unreadable(`"${line.slice(0, 40)}${line.length > 40 ? '…' : ''}"`);
  }
  const header = value as HeaderRecord;
  if (typeof header.schemaVersion !== 'number' || header.schemaVersion > RECORDING_SCHEMA_VERSION) {
    throw new RssdoctorError(
      'recording.unreadable',
      `${source} has recording schema version ${String(header.schemaVersion)}, this rssdoctor reads up to ${RECORDING_SCHEMA_VERSION}; upgrade rssdoctor`,
    );
  }
  if (!Array.isArray(header.command) || typeof header.intervalMs !== 'number') {
    throw unreadable('a header without command or intervalMs');
  }
  // Host facts are read where present (the host's memory, for a process's caps), and none
  // is trusted: a header whose "host" is gone (the fuzz test mutated it to "ost") is read
  // with no facts, where the report threw on it.
  if (typeof header.host !== 'object' || header.host === null) {
    return { ...header, host: {} as HeaderRecord['host'] };
  }
  return header;
}
