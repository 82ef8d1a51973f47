// Follows a file another process appends to: reads what is new every POLL_MS and hands
// out complete lines as raw bytes (echoed untouched, even when they are not UTF-8). A
// file, not a pipe, because a Go target writing to a pipe whose reader died would get
// SIGPIPE; a file outlives rssdoctor (DESIGN "End of a run").

import { closeSync, openSync, readSync } from 'node:fs';

export const POLL_MS = 100;
const CHUNK_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

export interface FileTail {
  // Reads what is there now (complete lines only), without waiting for the next poll.
  read: () => void;
  // Reads to the end of the file now, including a last line with no newline.
  flush: () => void;
  close: () => void;
}

// `line` excludes its newline; `complete` is false only for a last line the writer never
// ended with one.
export function tailFile(
  path: string,
  onLine: (line: Buffer, complete: boolean) => void,
): FileTail {
  const fd = openSync(path, 'r');
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let pending: Buffer = Buffer.alloc(0);
  let closed = false;
  const drain = (): void => {
    for (;;) {
      const bytes = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (bytes === 0) return;
      pending = Buffer.concat([pending, chunk.subarray(0, bytes)]);
      let start = 0;
      let newline: number;
      while ((newline = pending.indexOf(NEWLINE, start)) >= 0) {
        onLine(pending.subarray(start, newline), true);
        start = newline + 1;
      }
      pending = Buffer.from(pending.subarray(start));
    }
  };
  const timer = setInterval(drain, POLL_MS);
  timer.unref();
  return {
    read: () => {
      if (!closed) drain();
    },
    flush: () => {
      if (closed) return;
      drain();
      if (pending.length > 0) onLine(pending, false);
      pending = Buffer.alloc(0);
    },
    close: () => {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      closeSync(fd);
    },
  };
}
