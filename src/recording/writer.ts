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
  #failed = false;
  #failure: string | null = null;

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

  // A write that fails (a full disk, a removed mount) never stops the run: the watching
  // goes on and the report is still built from memory. Later lines are still tried (space
  // may come back); the first failure is kept for takeFailure.
  append(record: RecordingRecord): void {
    if (this.#fd === null) return;
    const line = JSON.stringify(record) + '\n';
    try {
      // The string written as it is: no Buffer per record (a thousand a second on a large
      // tree, each one garbage). A short write, which a regular file gives only when the
      // disk fills, is finished from a Buffer.
      const written = writeSync(this.#fd, line);
      const bytes = Buffer.byteLength(line);
      if (written < bytes) {
        const rest = Buffer.from(line);
        for (let at = written; at < bytes;) at += writeSync(this.#fd, rest, at);
      }
    } catch (error) {
      if (this.#failed) return;
      this.#failed = true;
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      this.#failure = `writing the recording ${this.path} failed (${code}); the watch went on and this report is from memory, but the recording misses what came after: free space, or pass --out elsewhere`;
    }
  }

  // Whether any write failed: the recording on disk then misses records.
  get failed(): boolean {
    return this.#failed;
  }

  // The first failure as a sentence for the report, once.
  takeFailure(): string | null {
    const failure = this.#failure;
    this.#failure = null;
    return failure;
  }

  close(): void {
    if (this.#fd === null) return;
    closeSync(this.#fd);
    this.#fd = null;
  }
}
