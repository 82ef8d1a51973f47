// /proc/PID/smaps, one entry per mapping: its address range, its name, and the per-mapping
// figures rssdoctor reads (Rss, Anonymous, LazyFree). The one parser behind the Java heap's
// resident part (proc-smaps-range.ts) and where anon lies (proc-anon-map.ts). smaps walks
// every mapping and briefly holds the target's mmap lock: callers read it every few
// seconds, never every tick.

import { readFileSync } from 'node:fs';

const KIB = 1024;

export interface SmapsMapping {
  start: bigint;
  end: bigint;
  name: string;
  rssBytes: number;
  anonBytes: number;
  lazyFreeBytes: number;
}

// null when the process is gone or its smaps is not readable.
export function readSmapsMappings(pid: number): SmapsMapping[] | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/smaps`, 'latin1');
  } catch {
    return null;
  }
  const out: SmapsMapping[] = [];
  let current: SmapsMapping | undefined;
  for (const line of text.split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (header !== null) {
      current = {
        start: BigInt(`0x${header[1]}`),
        end: BigInt(`0x${header[2]}`),
        name: header[3]!,
        rssBytes: 0,
        anonBytes: 0,
        lazyFreeBytes: 0,
      };
      out.push(current);
      continue;
    }
    if (current === undefined) continue;
    const field = /^(Rss|Anonymous|LazyFree):\s+(\d+) kB/.exec(line);
    if (field === null) continue;
    const bytes = Number(field[2]) * KIB;
    if (field[1] === 'Rss') current.rssBytes = bytes;
    else if (field[1] === 'Anonymous') current.anonBytes = bytes;
    else current.lazyFreeBytes = bytes;
  }
  return out;
}
