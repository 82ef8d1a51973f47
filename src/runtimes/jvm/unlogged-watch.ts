// Without --runtime jvm, a JVM started by a wrapper (a script, gradle, mvn) gets no GC
// logging: its version could not be known before it started, and a wrong option stops a
// JVM. Such a JVM is noticed in the tree and named, with what to do. A process that is not
// a JVM yet is looked at again: each tick while it is young (a wrapper's child is a copy
// of the shell until it execs java, and a tick between the fork and the exec missed the
// JVM under load), then every RECHECK_MS (a script may `exec java` late). At 1,000
// processes one readlink each per tick cost 0.86% of a core (a CPU profile of
// bench/host.mjs's tree); an old process is now read every fifth second.

import { readlinkSync } from 'node:fs';
import path from 'node:path';
import type { NoteRecord } from '../../recording/records.js';

// Young: looked at each tick. Old: every RECHECK_MS.
export const YOUNG_MS = 10_000;
export const RECHECK_MS = 5_000;

export function watchUnloggedJvms(
  nowMs: () => number,
  append: (note: NoteRecord) => void,
): (pids: readonly number[]) => void {
  const named = new Set<number>();
  // When each process was first seen and last looked at.
  const seen = new Map<number, { firstMs: number; checkedMs: number }>();
  return (pids) => {
    const tMs = nowMs();
    const listed = new Set(pids);
    for (const pid of seen.keys()) if (!listed.has(pid)) seen.delete(pid);
    for (const pid of pids) {
      if (named.has(pid)) continue;
      const times = seen.get(pid);
      if (times === undefined) seen.set(pid, { firstMs: tMs, checkedMs: tMs });
      else if (tMs - times.firstMs >= YOUNG_MS && tMs - times.checkedMs < RECHECK_MS) continue;
      else times.checkedMs = tMs;
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
        tMs,
        code: 'source.jvmNotLogged',
        pid,
        text: `pid ${pid} is a JVM started by a wrapper, so its GC log was not turned on and its verdict is OS-level; run with --runtime jvm`,
      });
    }
  };
}
