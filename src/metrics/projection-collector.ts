// The projection of the verdict's process (report/projection.ts) and the limits it runs
// under, as gauges: `rssdoctor_seconds_to_limit` counts down from the last build (its
// figure is from the last sample then), and is absent when nothing is being approached.

import { Gauge, type Registry } from 'prom-client';
import { MEMORY_LIMIT_BYTES, SECONDS_TO_LIMIT } from './metric-names.js';
import type { WatchState } from './watch-state.js';

export function registerProjectionCollector(
  registry: Registry,
  state: WatchState,
  nowMs: () => number,
): void {
  new Gauge({
    name: SECONDS_TO_LIMIT,
    help: 'Seconds until the growth meets the first limit at its current rate (bound: point, low or high end of its 95% interval).',
    labelNames: ['pid', 'name', 'limit', 'bound'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of state.processes.values()) {
        const projection = p.projection;
        if (projection === null) continue;
        const passed = Math.max(0, nowMs() - projection.fromMs) / 1000;
        const labels = { pid: p.pid, name: p.name, limit: projection.limitKind };
        this.set({ ...labels, bound: 'point' }, Math.max(0, projection.secondsToLimit - passed));
        this.set({ ...labels, bound: 'low' }, Math.max(0, projection.secondsToLimitLow - passed));
        if (projection.secondsToLimitHigh !== null) {
          this.set(
            { ...labels, bound: 'high' },
            Math.max(0, projection.secondsToLimitHigh - passed),
          );
        }
      }
    },
  });
  new Gauge({
    name: MEMORY_LIMIT_BYTES,
    help: 'A limit the process runs under (limit: cgroup, v8-heap, java-heap, gomemlimit, …).',
    labelNames: ['pid', 'name', 'limit'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of state.processes.values()) {
        for (const cap of p.limits) {
          this.set({ pid: p.pid, name: p.name, limit: cap.kind }, cap.limitBytes);
        }
      }
    },
  });
}
