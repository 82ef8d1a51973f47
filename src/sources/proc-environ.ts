// /proc/PID/environ: the environment a process started with (NUL-separated NAME=value).
// Readable by the process's owner; null when it cannot be read.

import { readFileSync } from 'node:fs';

export function readEnviron(pid: number): Map<string, string> | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/environ`, 'latin1');
  } catch {
    return null;
  }
  const out = new Map<string, string>();
  for (const entry of text.split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) out.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return out;
}
