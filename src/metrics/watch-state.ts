// What `--metrics` knows of each watched process, kept up to date from the records as the
// run writes them. Plain data; the collectors read it at scrape time.

import type { BodyRecord } from '../recording/records.js';
import type { MemoryCap, Projection } from '../report/report.js';
import type { Verdict } from '../verdict/verdicts.js';

export interface ProcessState {
  pid: number;
  name: string;
  rssBytes: number | null;
  parts: { anon: number; file: number; shmem: number; lazyFree: number | null } | null;
  swapBytes: number | null;
  liveBytes: number | null;
  gcs: Map<string, number>;
  verdict: Verdict | null;
  confidence: number | null;
  // The provisional report's projection, when this process is its verdict's and leaks.
  projection: Projection | null;
  limits: MemoryCap[];
}

export class WatchState {
  readonly processes = new Map<number, ProcessState>();

  add(record: BodyRecord): void {
    const named = record.type === 'note' && /^process\.(start|rename)$/.test(record.code);
    if (named && record.pid !== undefined) {
      this.of(record.pid).name = record.name ?? '';
    } else if (record.type === 'sample') {
      const state = this.of(record.pid);
      state.rssBytes = record.rssBytes;
      state.swapBytes = record.swapBytes;
      state.parts = {
        anon: record.rssAnonBytes,
        file: record.rssFileBytes,
        shmem: record.rssShmemBytes,
        lazyFree: record.lazyFreeBytes ?? state.parts?.lazyFree ?? null,
      };
    } else if (record.type === 'gc') {
      const state = this.of(record.pid);
      const key = `${record.kind}:${record.forced}`;
      state.gcs.set(key, (state.gcs.get(key) ?? 0) + 1);
      if (record.liveBytes !== undefined) state.liveBytes = record.liveBytes;
    } else if (record.type === 'bound' && record.pauseDeferred !== true) {
      this.of(record.pid).liveBytes = record.liveBytes;
    }
  }

  setVerdict(pid: number, verdict: Verdict, confidence: number): void {
    const state = this.of(pid);
    state.verdict = verdict;
    state.confidence = confidence;
  }

  // The provisional report's limits and projection go to its verdict's process.
  setProjection(pid: number | null, limits: MemoryCap[], projection: Projection | null): void {
    for (const state of this.processes.values()) {
      state.projection = null;
      state.limits = [];
    }
    if (pid === null) return;
    const state = this.of(pid);
    state.projection = projection;
    state.limits = limits;
  }

  private of(pid: number): ProcessState {
    let state = this.processes.get(pid);
    if (state === undefined) {
      state = {
        pid,
        name: '',
        rssBytes: null,
        parts: null,
        swapBytes: null,
        liveBytes: null,
        gcs: new Map(),
        verdict: null,
        confidence: null,
        projection: null,
        limits: [],
      };
      this.processes.set(pid, state);
    }
    return state;
  }
}
