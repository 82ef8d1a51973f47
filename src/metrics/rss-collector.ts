// RSS and where it is, per watched process: the kernel's split (anon, file, shmem), the
// LazyFree part of anon, and swap beside it (never inside RSS).

import { Gauge, type Registry } from 'prom-client';
import { RSS_BYTES, RSS_PART_BYTES, SWAP_BYTES } from './metric-names.js';
import type { WatchState } from './watch-state.js';

export function registerRssCollector(registry: Registry, state: WatchState): void {
  new Gauge({
    name: RSS_BYTES,
    help: 'Resident set size of the process (VmRSS).',
    labelNames: ['pid', 'name'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of state.processes.values()) {
        if (p.rssBytes !== null) this.set({ pid: p.pid, name: p.name }, p.rssBytes);
      }
    },
  });
  new Gauge({
    name: RSS_PART_BYTES,
    help: 'Resident memory by kind: anon, file, shmem (they sum to RSS); lazy_free is the part of anon freed with MADV_FREE.',
    labelNames: ['pid', 'name', 'part'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of state.processes.values()) {
        if (p.parts === null) continue;
        const labels = { pid: p.pid, name: p.name };
        this.set({ ...labels, part: 'anon' }, p.parts.anon);
        this.set({ ...labels, part: 'file' }, p.parts.file);
        this.set({ ...labels, part: 'shmem' }, p.parts.shmem);
        if (p.parts.lazyFree !== null) this.set({ ...labels, part: 'lazy_free' }, p.parts.lazyFree);
      }
    },
  });
  new Gauge({
    name: SWAP_BYTES,
    help: 'Swapped-out memory of the process (beside RSS, not in it).',
    labelNames: ['pid', 'name'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of state.processes.values()) {
        if (p.swapBytes !== null) this.set({ pid: p.pid, name: p.name }, p.swapBytes);
      }
    },
  });
}
