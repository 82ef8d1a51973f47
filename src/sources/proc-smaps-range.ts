// Resident bytes of a process inside one address range, from /proc/PID/smaps: the Java
// heap's resident part, which no counter gives (committed heap is an upper bound; pages are
// resident only once touched). smaps walks every mapping (median 8.5 ms for the SteadyCache fixture JVM here,
// `npm run bench:jvm-attach`), so it
// is read every few seconds, not every tick.

import { readFileSync } from 'node:fs';
import type { AddressRange } from './jvm-heap-range.js';

const KIB = 1024;

export function residentInRange(pid: number, range: AddressRange): number | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/smaps`, 'latin1');
  } catch {
    return null;
  }
  let total = 0;
  let inside = false;
  for (const line of text.split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) /.exec(line);
    if (header !== null) {
      const start = BigInt(`0x${header[1]}`);
      const end = BigInt(`0x${header[2]}`);
      inside = start >= range.start && end <= range.end;
      continue;
    }
    if (inside && line.startsWith('Rss:')) total += Number(/(\d+)/.exec(line)![1]) * KIB;
  }
  return total;
}
