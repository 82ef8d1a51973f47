// The memory caps a JVM runs under, from the options it was given: its command line, then
// JAVA_TOOL_OPTIONS and JDK_JAVA_OPTIONS (the JVM reads those too). The last of an option
// wins, as in the JVM. The heap's cap is better read from the GC log ("Heap Max Capacity",
// which includes the ergonomic default); -Xmx here is for JDK 8, whose log does not say it.

import { readEnviron } from '../../sources/proc-environ.js';
import { readProcFile } from '../../sources/proc-read.js';

export interface JavaCaps {
  maxHeapBytes: number | null;
  maxDirectBytes: number | null;
  maxMetaspaceBytes: number | null;
}

// Every option the JVM of this pid was started with, space-joined ('' when unreadable).
export function javaOptionsText(pid: number): string {
  const cmdline = readProcFile(`/proc/${pid}/cmdline`);
  const environ = readEnviron(pid);
  return [
    environ?.get('JAVA_TOOL_OPTIONS') ?? '',
    environ?.get('JDK_JAVA_OPTIONS') ?? '',
    cmdline.ok ? cmdline.text.split('\0').join(' ') : '',
  ].join(' ');
}

export function parseJavaCaps(options: string): JavaCaps {
  return {
    maxHeapBytes: lastSize(options, /(?:^|\s)-Xmx(\S+)/g),
    maxDirectBytes: lastSize(options, /(?:^|\s)-XX:MaxDirectMemorySize=(\S+)/g),
    maxMetaspaceBytes: lastSize(options, /(?:^|\s)-XX:MaxMetaspaceSize=(\S+)/g),
  };
}

const UNIT: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

// "512m", "2G", "1048576": the JVM's option sizes. Anything else is not a size.
export function javaOptionBytes(text: string): number | null {
  const m = /^(\d+)([kmgt]?)$/i.exec(text);
  if (m === null) return null;
  const bytes = Number(m[1]) * UNIT[m[2]!.toLowerCase()]!;
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}

function lastSize(options: string, pattern: RegExp): number | null {
  let out: number | null = null;
  for (const match of options.matchAll(pattern)) out = javaOptionBytes(match[1]!) ?? out;
  return out;
}
