import { closeSync, openSync, writeSync } from 'node:fs';
import { RssdoctorError } from '../errors.js';
import type { RecordingRecord } from './records.js';

// Appends records as NDJSON. Each record is one synchronous write of one whole line, so
// a crash of rssdoctor or of the target loses at most the record being written.
// A synchronous write of a few hundred bytes costs microseconds; an async stream would
// buffer lines in memory, which is exactly what a crash would lose.
export class RecordingWriter {
  readonly path: string;
  #fd: number | null;

  constructor(path: string) {
    this.path = path;
    try {
      // 'w': a run owns its file; appending to an old recording would mix two runs.
      this.#fd = openSync(path, 'w', 0o600);
    } catch (error) {
      throw new RssdoctorError(
        'recording.writeFailed',
        `cannot open the recording ${path} for writing (${(error as NodeJS.ErrnoException).code ?? 'error'}); pass --out with a writable path`,
        { cause: error },
      );
    }
  }

  append(record: RecordingRecord): void {
    if (this.#fd === null) return;
    writeSync(this.#fd, JSON.stringify(record) + '\n');
  }

  close(): void {
    if (this.#fd === null) return;
    closeSync(this.#fd);
    this.#fd = null;
  }
}
