// Resident bytes of a process inside one address range, from /proc/PID/smaps: the Java
// heap's resident part, which no counter gives (committed heap is an upper bound; pages are
// resident only once touched). smaps walks every mapping (median 8.5 ms for the SteadyCache fixture JVM here,
// `npm run bench:jvm-attach`), so it
// is read every few seconds, not every tick.

import type { AddressRange } from './address-range.js';
import { readSmapsMappings } from './proc-smaps.js';

export function residentInRange(pid: number, range: AddressRange): number | null {
  const mappings = readSmapsMappings(pid);
  if (mappings === null) return null;
  let total = 0;
  for (const mapping of mappings) {
    if (mapping.start >= range.start && mapping.end <= range.end) total += mapping.rssBytes;
  }
  return total;
}
