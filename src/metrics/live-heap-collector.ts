// The live heap: what survived the latest full GC (Node: summed over isolates per GC;
// Go: H2; JVM: heap after a full GC or cycle end). Absent until the first live point.

import { Gauge, type Registry } from 'prom-client';
import { LIVE_HEAP_BYTES } from './metric-names.js';
import type { WatchState } from './watch-state.js';

export function registerLiveHeapCollector(registry: Registry, state: WatchState): void {
  new Gauge({
    name: LIVE_HEAP_BYTES,
    help: 'Live heap at the latest full GC (never after a minor GC or young pause).',
    labelNames: ['pid', 'name'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of state.processes.values()) {
        if (p.liveBytes !== null) this.set({ pid: p.pid, name: p.name }, p.liveBytes);
      }
    },
  });
}
