// watch(): an in-process watchdog. It records this process the way `rssdoctor run` does
// (samples, heap figures, live points from full GCs, malloc figures), forces a full GC
// when live points are too rare (within the same 2% pause budget), and every
// `evaluateEveryMs` builds the Report from its own records with the CLI's code. When the
// verdict becomes leak or native-leak (or retention, if asked) it emits that event with
// the Report's evidence. It keeps only the last `windowMs` of records, so its memory is bounded, and
// its timers never keep the process alive.

import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { GcWatch } from '../runtimes/node/agent/gc-watch.cjs';
import type { GcMessage } from '../sources/agent-protocol.cjs';
import { type BodyRecord } from '../recording/records.js';
import { Provisional } from '../report/provisional.js';
import type { Report } from '../report/report.js';
import { agentRecord } from '../run/agent-record.js';
import { recordingHeader } from '../run/recording-header.js';
import { dueForProbe } from '../run/probe-pacing.js';
import { SMAPS_ROLLUP_EVERY_MS } from '../sources/procfs.js';
import type { Reason } from '../verdict/reason.js';
import type { Verdict } from '../verdict/verdicts.js';
import { selfHeap, selfMallocRecord, selfSample } from './self-records.js';
import { inLibraryWords } from './library-words.js';

export type WatchVerdict = Extract<Verdict, 'leak' | 'native-leak' | 'retention'>;

export interface WatchOptions {
  // Between samples. 30 samples are needed before any verdict: 500 ms gives one in 15 s.
  intervalMs?: number;
  // Force a full GC when the last live point is older than this (0: never force).
  probeEveryMs?: number;
  // How often the verdict is recomputed (DESIGN: provisional verdicts at most every 5 s).
  evaluateEveryMs?: number;
  // Records older than this are dropped: the analysis sees a sliding window.
  windowMs?: number;
  // Which verdicts are emitted. Default: leak and native-leak, the alarms. Retention (RSS
  // held for reuse, not lost) is emitted only when asked for.
  verdicts?: readonly WatchVerdict[];
}

export interface WatchEvent {
  verdict: WatchVerdict;
  confidence: number;
  reasons: Reason[];
  // Milliseconds since watch() was called.
  elapsedMs: number;
  report: Report;
}

export interface Watchdog extends EventEmitter {
  on(event: WatchVerdict | 'verdict', listener: (event: WatchEvent) => void): this;
  // The latest Report, or null before the first evaluation.
  lastReport: () => Report | null;
  stop: () => void;
}

export function watch(options: WatchOptions = {}): Watchdog {
  const intervalMs = options.intervalMs ?? 500;
  const probeEveryMs = options.probeEveryMs ?? 1_000;
  const evaluateEveryMs = options.evaluateEveryMs ?? 5_000;
  const windowMs = options.windowMs ?? 600_000;
  const wanted = new Set<Verdict>(options.verdicts ?? ['leak', 'native-leak']);
  const emitter = new EventEmitter() as Watchdog;
  const t0 = performance.now();
  const nowMs = (): number => performance.now() - t0;
  const gcWatch = new GcWatch(process.pid, 0);
  const header = recordingHeader({
    command: process.argv,
    startedAt: new Date(),
    intervalMs,
  });
  // The timer below sets the pace; half of it here keeps an early tick from being skipped.
  // The agent's hello note (this process runs Node) is pinned: the window never drops it.
  const provisional = new Provisional(evaluateEveryMs / 2, [helloNote()]);
  provisional.setHeader(header);
  const add = (...added: BodyRecord[]): void => added.forEach((record) => provisional.add(record));
  let lastLiveMs = 0;
  let lastSmapsMs = -Infinity;
  let forcedPauseMs = 0;
  let lastReport: Report | null = null;
  let emitted: Verdict | null = null;

  const addGcs = (messages: GcMessage[]): void => {
    const tMs = nowMs();
    for (const message of messages) {
      if (message.kind === 'full') lastLiveMs = tMs;
      if (message.forced) forcedPauseMs += message.pauseMs ?? 0;
      add(...agentRecord(message, tMs));
    }
  };
  gcWatch.listen((message) => addGcs([message]));
  const sample = (): void => {
    const tMs = nowMs();
    if (
      probeEveryMs > 0 &&
      dueForProbe({ lastLiveMs, inFlight: false, forcedPauseMs }, tMs, probeEveryMs)
    ) {
      addGcs([gcWatch.force()]);
    }
    const withSmaps = tMs - lastSmapsMs >= SMAPS_ROLLUP_EVERY_MS;
    if (withSmaps) lastSmapsMs = tMs;
    add(selfSample(tMs, withSmaps), selfHeap(tMs));
    if (withSmaps) {
      const malloc = selfMallocRecord(tMs);
      if (malloc !== null) add(malloc);
    }
    provisional.forget(tMs, windowMs);
  };
  const evaluate = (): void => {
    const state = provisional.evaluate(nowMs());
    if (state === null) return;
    const report = inLibraryWords(state.report);
    lastReport = report;
    // Events follow the shown verdict: an alarm only once confirmed (verdict/hysteresis.ts).
    if (state.shown === null) return;
    const verdict = state.shown.verdict;
    if (verdict === emitted) return;
    emitted = wanted.has(verdict) ? verdict : null;
    if (emitted === null) return;
    const event: WatchEvent = {
      verdict: verdict as WatchVerdict,
      confidence: report.confidence,
      reasons: report.reasons,
      elapsedMs: nowMs(),
      report,
    };
    emitter.emit(verdict, event);
    emitter.emit('verdict', event);
  };
  // The watchdog must never throw into the program it watches.
  const guarded = (work: () => void) => (): void => {
    try {
      work();
    } catch {
      // a failed read or evaluation is skipped; the next tick tries again
    }
  };
  const timers = [
    setInterval(guarded(sample), intervalMs),
    setInterval(guarded(evaluate), evaluateEveryMs),
  ];
  for (const timer of timers) timer.unref();
  emitter.lastReport = () => lastReport;
  emitter.stop = () => {
    gcWatch.stop();
    for (const timer of timers) clearInterval(timer);
  };
  return emitter;
}

function helloNote(): BodyRecord {
  return {
    type: 'note',
    tMs: 0,
    code: 'agent.hello',
    text: `watching pid ${process.pid} in process`,
    pid: process.pid,
    name: 'self',
    runtime: 'node',
  };
}
