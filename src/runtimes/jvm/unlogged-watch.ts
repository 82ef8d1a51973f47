// Without --runtime jvm, a JVM started by a wrapper (a script, gradle, mvn) gets no GC
// logging: its version could not be known before it started, and a wrong option stops a
// JVM. Such a JVM is noticed in the tree and named, with what to do. A process that is not
// a JVM yet is looked at again each tick: a wrapper's child is a copy of the shell until it
// execs java (a tick between the fork and the exec missed the JVM under load), and a
// script may `exec java` late. One readlink per process per tick.

import { readlinkSync } from 'node:fs';
import path from 'node:path';
import type { NoteRecord } from '../../recording/records.js';

export function watchUnloggedJvms(
  nowMs: () => number,
  append: (note: NoteRecord) => void,
): (pids: readonly number[]) => void {
  const named = new Set<number>();
  return (pids) => {
    for (const pid of pids) {
      if (named.has(pid)) continue;
      let exe: string;
      try {
        exe = readlinkSync(`/proc/${pid}/exe`);
      } catch {
        continue;
      }
      if (path.basename(exe) !== 'java') continue;
      named.add(pid);
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
