// Where a run's records go: the run's list (the provisional report reads it; thinned when
// long, recording/thin-records.ts), the recording on disk, and the caller's listener. A
// recording that cannot be written adds one note.

import { readRecording, type Recording } from '../recording/reader.js';
import type { BodyRecord, HeaderRecord } from '../recording/records.js';
import { KEPT_RECORDS_MAX, thinRecords } from '../recording/thin-records.js';
import type { RecordingWriter } from '../recording/writer.js';

export interface RecordingSink {
  append: (record: BodyRecord) => void;
  // What the final report reads, once the writer is closed: the list kept in memory, or,
  // when a long run thinned it, every record from the recording on disk. A recording that
  // could not be written leaves only the thinned list, and the report says so.
  recording: (header: HeaderRecord) => Recording;
}

export function recordingSink(
  writer: RecordingWriter,
  records: BodyRecord[],
  onRecord: ((record: BodyRecord) => void) | undefined,
  keptMax = KEPT_RECORDS_MAX,
): RecordingSink {
  let thinned = false;
  const keep = (record: BodyRecord): void => {
    records.push(record);
    if (thinRecords(records, keptMax)) thinned = true;
    onRecord?.(record);
  };
  return {
    append: (record) => {
      keep(record);
      writer.append(record);
      const failed = writer.takeFailure();
      if (failed !== null) {
        keep({ type: 'note', tMs: record.tMs, code: 'recording.writeFailed', text: failed });
      }
    },
    recording: (header) => {
      const kept: Recording = { header, records, truncated: false, dataQuality: [] };
      if (!thinned) return kept;
      if (!writer.failed) {
        try {
          return readRecording(writer.path);
        } catch {
          // built from memory below
        }
      }
      kept.dataQuality.push({
        code: 'recording.thinned',
        text: `the recording could not be read back, so this report is built from the ${records.length} records kept in memory, the older ones thinned`,
      });
      return kept;
    },
  };
}
