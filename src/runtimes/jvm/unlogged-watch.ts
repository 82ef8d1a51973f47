// Without --runtime jvm, a JVM started by a wrapper (a script, gradle, mvn) gets no GC
// logging: its version could not be known before it started, and a wrong option stops a
// JVM. Such a JVM is noticed in the tree and named, with what to do.

import { readlinkSync } from 'node:fs';
import path from 'node:path';
import type { NoteRecord } from '../../recording/records.js';

export function watchUnloggedJvms(
  nowMs: () => number,
  append: (note: NoteRecord) => void,
): (pids: readonly number[]) => void {
  const seen = new Set<number>();
  return (pids) => {
    for (const pid of pids) {
      if (seen.has(pid)) continue;
      seen.add(pid);
      let exe: string;
      try {
        exe = readlinkSync(`/proc/${pid}/exe`);
      } catch {
        continue;
      }
      if (path.basename(exe) !== 'java') continue;
      append({
        type: 'note',
        tMs: nowMs(),
        code: 'source.jvmNotLogged',
        pid,
        text: `pid ${pid} is a JVM started by a wrapper, so its GC log was not turned on and its verdict is OS-level; run with --runtime jvm`,
      });
    }
  };
}
