// Whether a process has a handler for a signal, from the SigCgt mask of /proc/PID/status
// (bit n−1 is signal n). Sending SIGUSR1 or SIGQUIT to a process that does not catch it
// kills it (the default action), so attach asks before it signals: Node started with
// --disable-sigusr1 or without an inspector, a JVM started with -Xrs.

import { readProcFile } from './proc-read.js';

export const SIGQUIT_NUMBER = 3;
export const SIGUSR1_NUMBER = 10;

// null: the mask could not be read (the process is gone, or the line is missing).
export function catchesSignal(pid: number, signalNumber: number): boolean | null {
  const read = readProcFile(`/proc/${pid}/status`);
  if (!read.ok) return null;
  return parseCaught(read.text, signalNumber);
}

export function parseCaught(statusText: string, signalNumber: number): boolean | null {
  const mask = /^SigCgt:\s*([0-9a-fA-F]+)$/m.exec(statusText)?.[1];
  if (mask === undefined) return null;
  return ((BigInt(`0x${mask}`) >> BigInt(signalNumber - 1)) & 1n) === 1n;
}
