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
  const soft = /^Max address space\s+(\S+)/m.exec(text)?.[1];
  if (soft === undefined || soft === 'unlimited') return null;
  const bytes = Number(soft);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}

export function parseVmSizeBytes(text: string): number | null {
  const kib = /^VmSize:\s+(\d+) kB$/m.exec(text)?.[1];
  return kib === undefined ? null : Number(kib) * 1024;
}
