// Where a run's records go: the run's list (the report is built from it), the recording
// on disk, and the caller's listener. A recording that cannot be written adds one note.

import type { BodyRecord } from '../recording/records.js';
import type { RecordingWriter } from '../recording/writer.js';

export function recordingSink(
  writer: RecordingWriter,
  records: BodyRecord[],
  onRecord: ((record: BodyRecord) => void) | undefined,
): (record: BodyRecord) => void {
  const keep = (record: BodyRecord): void => {
    records.push(record);
    onRecord?.(record);
  };
  return (record) => {
    keep(record);
    writer.append(record);
    const failed = writer.takeFailure();
    if (failed !== null) {
      keep({ type: 'note', tMs: record.tMs, code: 'recording.writeFailed', text: failed });
    }
  };
}
