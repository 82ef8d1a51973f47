// The current (provisional) verdict per process, as a labelled gauge: 1 for the verdict
// in force, 0 for the others, so `rssdoctor_verdict{verdict="leak"} == 1` selects leaks.

import { Gauge, type Registry } from 'prom-client';
import { VERDICTS } from '../verdict/verdicts.js';
import { VERDICT, VERDICT_CONFIDENCE } from './metric-names.js';
import type { WatchState } from './watch-state.js';

export function registerVerdictCollector(registry: Registry, state: WatchState): void {
  new Gauge({
    name: VERDICT,
    help: 'The current verdict of the process: 1 for the verdict in force, 0 for the others.',
    labelNames: ['pid', 'name', 'verdict'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of state.processes.values()) {
        if (p.verdict === null) continue;
        for (const verdict of VERDICTS) {
          this.set({ pid: p.pid, name: p.name, verdict }, verdict === p.verdict ? 1 : 0);
        }
      }
    },
  });
  new Gauge({
    name: VERDICT_CONFIDENCE,
    help: 'Confidence of the current verdict, 0 to 1.',
    labelNames: ['pid', 'name'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of state.processes.values()) {
        if (p.confidence !== null) this.set({ pid: p.pid, name: p.name }, p.confidence);
      }
    },
  });
}
