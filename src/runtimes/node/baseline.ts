// Anonymous memory a Node process holds beyond live data without any of it being waste.

// Anonymous memory beyond live data in an idle Node 20 process, measured here (idle
// script, 0, 1 and 5 workers): 2.7, 2.4 and 1.7 MiB. Each isolate's own heap is already in
// its live data, so a worker adds little beyond it; these round the measurements up.
export const NODE_BASELINE_BYTES = 4 * 1024 * 1024;
export const NODE_BASELINE_PER_WORKER_BYTES = 1024 * 1024;

export function nodeBaselineBytes(workers: number): number {
  return NODE_BASELINE_BYTES + workers * NODE_BASELINE_PER_WORKER_BYTES;
}
