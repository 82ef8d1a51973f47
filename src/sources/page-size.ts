// The kernel's page size, which /proc/PID/statm counts in: AT_PAGESZ from this process's
// auxiliary vector (/proc/self/auxv: pairs of native words, type then value; see
// getauxval(3)). Node has no sysconf, and the size is not 4 KiB everywhere (arm64 kernels
// run with 16 or 64 KiB pages).

import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';

const AT_NULL = 0n;
const AT_PAGESZ = 6n;
const FALLBACK_BYTES = 4096;

let cached: number | undefined;

export function pageSizeBytes(): number {
  cached ??= readPageSize() ?? FALLBACK_BYTES;
  return cached;
}

// 64-bit words: Node 20 ships for 64-bit Linux only.
export function parseAuxvPageSize(
  auxv: Buffer,
  littleEndian = endianness() === 'LE',
): number | null {
  for (let at = 0; at + 16 <= auxv.length; at += 16) {
    const type = littleEndian ? auxv.readBigUInt64LE(at) : auxv.readBigUInt64BE(at);
    if (type === AT_NULL) break;
    if (type !== AT_PAGESZ) continue;
    const value = littleEndian ? auxv.readBigUInt64LE(at + 8) : auxv.readBigUInt64BE(at + 8);
    const bytes = Number(value);
    return bytes >= 1024 && (bytes & (bytes - 1)) === 0 ? bytes : null;
  }
  return null;
}

function readPageSize(): number | null {
  try {
    return parseAuxvPageSize(readFileSync('/proc/self/auxv'));
  } catch {
    return null;
  }
}
