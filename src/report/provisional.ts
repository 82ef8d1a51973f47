// The provisional Report while a run lasts, in one place for the live view, `--metrics` and
// watch(): the records kept as they arrive (one list: `run` appends to the same array, and
// the live view and the metrics endpoint share one Provisional), the Report rebuilt from them at most every
// PROVISIONAL_EVERY_MS of run time (DESIGN: provisional verdicts at most every 5 s; less
// often when a build takes long, so it stays under 2% of a core: over the 20,000 records a
// day-long run keeps, a build took 290 ms, bench/soak.mjs), and the verdicts shown
// through hysteresis (verdict/hysteresis.ts), for the run and for each process.

import { performance } from 'node:perf_hooks';
import type { BodyRecord, HeaderRecord } from '../recording/records.js';
import { Hysteresis, type Judgement } from '../verdict/hysteresis.js';
import { thinRecords } from '../recording/thin-records.js';
import { buildReport } from './build.js';
import type { Report } from './report.js';

export const PROVISIONAL_EVERY_MS = 5_000;
// A build may take at most this share of the time between builds: 2% of a core while a
// chart on a terminal shows it; 0.5% when it only feeds a plain line every 10 s (or a
// metrics scrape), where on a tree of 1,000 processes the builds were a fifth of
// rssdoctor's own CPU and, their intermediates promoted, much of its old generation (one
// 40 s run each, rssdoctor's threads' CPU from /proc/PID/task over 25 s and its VmHWM:
// 4.96% of a core and 116 MiB with them, 4.00% and 105 MiB with a dist/ patched to build
// none; a one-off measure, not a bench).
export const BUILD_SHARE_LIVE = 0.02;
export const BUILD_SHARE_PLAIN = 0.005;

export interface ProvisionalState {
  // The Report as built from the records so far: its verdicts are the candidates.
  report: Report;
  // What to show: the run's verdict, and each process's, through hysteresis (null until
  // the first non-alarm verdict or a confirmed alarm).
  shown: Judgement | null;
  processes: Map<number, Judgement | null>;
  atMs: number;
}

export class Provisional {
  readonly #everyMs: number;
  #header: HeaderRecord | null = null;
  readonly records: BodyRecord[];
  #nextMs: number;
  #state: ProvisionalState | null = null;
  readonly #run = new Hysteresis<Judgement>();
  readonly #perProcess = new Map<number, Hysteresis<Judgement>>();

  readonly #pinned: readonly BodyRecord[];
  #buildShare = BUILD_SHARE_LIVE;

  // `pinned` records are always analysed and never forgotten. `records` is the list the
  // records are kept in: a run's own (RunOptions.records), so that nothing is kept twice.
  constructor(
    everyMs = PROVISIONAL_EVERY_MS,
    pinned: readonly BodyRecord[] = [],
    records: BodyRecord[] = [],
  ) {
    this.#everyMs = everyMs;
    this.records = records;
    this.#nextMs = everyMs;
    this.#pinned = pinned;
  }

  // Set by whoever shows the verdicts (cli/live-view.ts).
  setBuildShare(share: number): void {
    this.#buildShare = share;
  }

  setHeader(header: HeaderRecord): void {
    this.#header = header;
  }

  // Kept bounded as a run's list is (recording/thin-records.ts).
  add(record: BodyRecord): void {
    this.records.push(record);
    thinRecords(this.records);
  }

  // Drops records older than `windowMs` before `nowMs` (watch() keeps a sliding window).
  forget(nowMs: number, windowMs: number): void {
    const oldest = this.records[0];
    if (oldest === undefined || nowMs - oldest.tMs <= windowMs) return;
    const first = this.records.findIndex((record) => nowMs - record.tMs <= windowMs);
    this.records.splice(0, first < 0 ? this.records.length : first);
  }

  get state(): ProvisionalState | null {
    return this.#state;
  }

  // Rebuilds when `elapsedMs` (run time) has reached the next due time; returns the state.
  evaluate(elapsedMs: number): ProvisionalState | null {
    if (this.#header === null || elapsedMs < this.#nextMs) return this.#state;
    const started = performance.now();
    const report = buildReport(
      {
        header: this.#header,
        records: this.#pinned.length === 0 ? this.records : [...this.#pinned, ...this.records],
        truncated: false,
        dataQuality: [],
      },
      { recordingPath: null },
    );
    const tookMs = performance.now() - started;
    this.#nextMs = elapsedMs + Math.max(this.#everyMs, tookMs / this.#buildShare);
    const evidence = report.run.samples + report.run.livePoints;
    const processes = new Map<number, Judgement | null>();
    for (const p of report.processes) {
      let hysteresis = this.#perProcess.get(p.pid);
      if (hysteresis === undefined) this.#perProcess.set(p.pid, (hysteresis = new Hysteresis()));
      processes.set(
        p.pid,
        hysteresis.update({ verdict: p.verdict, confidence: p.confidence }, p.samples),
      );
    }
    this.#state = {
      report,
      shown: this.#run.update({ verdict: report.verdict, confidence: report.confidence }, evidence),
      processes,
      atMs: elapsedMs,
    };
    return this.#state;
  }
}
