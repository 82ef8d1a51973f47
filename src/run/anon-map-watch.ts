// Reads where each process's anonymous memory lies (sources/proc-anon-map.ts): on the smaps
// cadence for processes whose heap has a known range (Go, the JVM) or for all with --deep,
// and once for every process at the end of the run, which the report's breakdown uses.

import type { BodyRecord } from '../recording/records.js';
import type { AddressRange } from '../sources/address-range.js';
import { readAnonMap } from '../sources/proc-anon-map.js';
import { SMAPS_ROLLUP_EVERY_MS } from '../sources/procfs.js';

export interface AnonMapWatchOptions {
  deep: boolean;
  heapRanges: (pid: number) => readonly AddressRange[] | null;
  nowMs: () => number;
  append: (record: BodyRecord) => void;
}

export interface AnonMapWatch {
  tick: (pids: readonly number[]) => void;
  snapshot: (pids: readonly number[]) => void;
}

export function watchAnonMaps(options: AnonMapWatchOptions): AnonMapWatch {
  const lastReadMs = new Map<number, number>();
  const read = (pid: number, tMs: number): void => {
    lastReadMs.set(pid, tMs);
    const map = readAnonMap(pid, options.heapRanges(pid), options.deep);
    if (map !== null) options.append({ type: 'anon-map', tMs, pid, ...map });
  };
  return {
    tick: (pids) => {
      const tMs = options.nowMs();
      for (const pid of pids) {
        if (!options.deep && options.heapRanges(pid) === null) continue;
        if (tMs - (lastReadMs.get(pid) ?? -Infinity) < SMAPS_ROLLUP_EVERY_MS) continue;
        read(pid, tMs);
      }
    },
    snapshot: (pids) => {
      const tMs = options.nowMs();
      for (const pid of pids) read(pid, tMs);
    },
  };
}
