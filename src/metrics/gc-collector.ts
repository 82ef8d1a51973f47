// GCs seen per process, by kind (full: measures live data; minor) and whether rssdoctor
// forced it. A counter: rate() gives GCs per second.

import { Counter, type Registry } from 'prom-client';
import { GC_TOTAL } from './metric-names.js';
import type { WatchState } from './watch-state.js';

export function registerGcCollector(registry: Registry, state: WatchState): void {
  new Counter({
    name: GC_TOTAL,
    help: 'Garbage collections seen by the runtime source, by kind and whether rssdoctor forced them.',
    labelNames: ['pid', 'name', 'kind', 'forced'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of state.processes.values()) {
        for (const [key, count] of p.gcs) {
          const [kind, forced] = key.split(':');
          this.inc({ pid: p.pid, name: p.name, kind: kind!, forced: forced! }, count);
        }
      }
    },
  });
}
