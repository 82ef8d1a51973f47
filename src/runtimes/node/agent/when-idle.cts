// A forced GC's pause is felt by whatever the isolate is doing at that moment, so a
// periodic probe waits for a quiet spell first: event-loop utilisation under IDLE_ELU
// over one WINDOW_MS. A saturated isolate never has one, and then the probe goes ahead
// after maxWaitMs (its natural full GCs were too rare: it needs the live point). Resolves
// true for a quiet spell, false for an isolate still busy at the deadline.

import { performance } from 'node:perf_hooks';

const WINDOW_MS = 20;
const IDLE_ELU = 0.5;

export function whenIdle(maxWaitMs: number): Promise<boolean> {
  const deadline = performance.now() + maxWaitMs;
  return new Promise((resolve) => {
    let last = performance.eventLoopUtilization();
    const look = (): void => {
      const now = performance.eventLoopUtilization();
      const busy = performance.eventLoopUtilization(now, last).utilization;
      last = now;
      if (busy < IDLE_ELU) resolve(true);
      else if (performance.now() >= deadline) resolve(false);
      else setTimeout(look, WINDOW_MS).unref();
    };
    setTimeout(look, WINDOW_MS).unref();
  });
}
