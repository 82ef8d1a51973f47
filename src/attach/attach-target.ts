// The process `attach` is asked to watch, read from /proc before anything touches it: that
// it exists, what it runs, and whether rssdoctor may read it. /proc/PID/status (and so RSS)
// is readable by anyone; the executable, smaps and fds need the process's own user, or the
// right to ptrace it (CAP_SYS_PTRACE, and Yama's ptrace_scope).

import { readFileSync, readlinkSync } from 'node:fs';
import { RssdoctorError } from '../errors.js';
import { readProcFile } from '../sources/proc-read.js';

export interface AttachTarget {
  pid: number;
  // /proc/PID/exe, resolved; null when rssdoctor may not read it.
  executable: string | null;
  // Its command line, as the report names it.
  command: string[];
  // Why its private files cannot be read (another user's process), or null.
  deniedWhy: string | null;
}

export function readAttachTarget(pid: number): AttachTarget {
  const status = readProcFile(`/proc/${pid}/status`);
  if (!status.ok) {
    throw new RssdoctorError(
      'attach.noProcess',
      `no process ${pid} to attach to (${status.errno}): check the PID, e.g. with \`ps -p ${pid}\``,
    );
  }
  const cmdline = readProcFile(`/proc/${pid}/cmdline`);
  const command = cmdline.ok ? cmdline.text.split('\0').filter((arg) => arg !== '') : [];
  const name = /^Name:\s*(.*)$/m.exec(status.text)?.[1] ?? String(pid);
  try {
    return {
      pid,
      executable: readlinkSync(`/proc/${pid}/exe`),
      command: command.length > 0 ? command : [name],
      deniedWhy: null,
    };
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code;
    if (errno === 'ENOENT') {
      // A kernel thread, or a zombie: nothing of its own to watch.
      throw new RssdoctorError(
        'attach.noProcess',
        `process ${pid} (${name}) has no executable: a kernel thread or an exited process cannot be watched`,
      );
    }
    return {
      pid,
      executable: null,
      command: command.length > 0 ? command : [name],
      deniedWhy: deniedWhy(pid, status.text),
    };
  }
}

// Says whose process it is and what would give access.
function deniedWhy(pid: number, statusText: string): string {
  const uid = Number(/^Uid:\s*(\d+)/m.exec(statusText)?.[1]);
  const scope = ptraceScope();
  const owner = Number.isInteger(uid) ? ` (user id ${uid}; you are ${process.getuid?.()})` : '';
  return (
    `process ${pid} belongs to another user${owner}, so only its RSS from /proc/${pid}/status can be read: ` +
    `run rssdoctor as that user (sudo -u) or as root` +
    (scope !== null && scope >= 1 ? ` (kernel.yama.ptrace_scope is ${scope})` : '')
  );
}

function ptraceScope(): number | null {
  try {
    return Number(readFileSync('/proc/sys/kernel/yama/ptrace_scope', 'utf8').trim());
  } catch {
    return null;
  }
}
