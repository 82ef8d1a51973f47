// `ulimit -v`: the soft "Max address space" of /proc/PID/limits, with the process's VmSize
// (/proc/PID/status) at the same reading, since the limit counts virtual memory, not RSS.
// See getrlimit(2), RLIMIT_AS.

import { readProcFile } from './proc-read.js';

export interface AddressSpaceLimit {
  // null: unlimited, or unreadable.
  addressSpaceBytes: number | null;
  vmSizeBytes: number | null;
}

export function readAddressSpaceLimit(pid: number): AddressSpaceLimit {
  const limits = readProcFile(`/proc/${pid}/limits`);
  const status = readProcFile(`/proc/${pid}/status`);
  return {
    addressSpaceBytes: limits.ok ? parseAddressSpaceLimit(limits.text) : null,
    vmSizeBytes: status.ok ? parseVmSizeBytes(status.text) : null,
  };
}

export function parseAddressSpaceLimit(text: string): number | null {
  const bytes = parseSoftLimit(text, 'Max address space');
  return bytes === 'unlimited' ? null : bytes;
}

// The soft value of one /proc/PID/limits line: a positive count, 'unlimited', or null
// when the line is missing or unreadable.
export function parseSoftLimit(text: string, name: string): number | 'unlimited' | null {
  const soft = new RegExp(`^${name}\\s+(\\S+)`, 'm').exec(text)?.[1];
  if (soft === undefined) return null;
  if (soft === 'unlimited') return soft;
  const count = Number(soft);
  return Number.isSafeInteger(count) && count > 0 ? count : null;
}

export function parseVmSizeBytes(text: string): number | null {
  const kib = /^VmSize:\s+(\d+) kB$/m.exec(text)?.[1];
  return kib === undefined ? null : Number(kib) * 1024;
}
