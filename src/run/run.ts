// `run`: start a target, sample it until it ends, and build the Report. The CLI and the
// demo both call this; it never prints and never exits.

import { sitesOffWhy } from './sites-schedule.js';
import { performance } from 'node:perf_hooks';
import { RssdoctorError } from '../errors.js';
import { defaultRecordingPath } from '../recording/default-path.js';
import { type BodyRecord, type EndRecord, type RecordingRecord } from '../recording/records.js';
import { RecordingWriter } from '../recording/writer.js';
import { recordingSink } from './recording-sink.js';
import { oomKilled } from './oom-killed.js';
import { readMachineOomKills } from '../sources/oom-kills.js';
import { buildReport } from '../report/build.js';
import type { Report } from '../report/report.js';
import { signalGroup, stopGroup } from '../target/process-group.js';
import { spawnTarget, type Target } from '../target/spawn-target.js';
import { recordingHeader } from './recording-header.js';
import { openRunDirectory } from './run-directory.js';
import { endSequence } from './end-sequence.js';
import { openRuntimeSources } from './runtime-sources.js';
import { planTarget, type RuntimeChoice } from './target-plan.js';
import { markReleaseStart, settleAfterRelease } from './release-settle.js';
import { startTreeWatch, type TreeProgress } from './watch-tree.js';

// After SIGTERM at --duration, how long the target gets to exit before SIGKILL.
export const STOP_GRACE_MS = 3000;
export const DEFAULT_INTERVAL_MS = 1000;

export interface RunOptions {
  command: readonly string[];
  // Stop the target after this long; undefined runs until it exits or is interrupted.
  durationMs?: number;
  intervalMs?: number;
  // Where the recording goes; default ./rssdoctor-<name>-<stamp>.ndjson.
  outPath?: string;
  stdoutToStderr?: boolean;
  env?: NodeJS.ProcessEnv;
  // No forced GCs: too few natural full GCs then give `inconclusive`.
  passive?: boolean;
  // Heap profiles that name the code keeping memory (default true; never under passive).
  attribution?: boolean;
  // Keep the private run directory (agent socket, Go trace file) instead of removing it.
  keepTemp?: boolean;
  // Which runtime sources to set up; 'auto' detects Go from build info and Node by its agent.
  runtime?: RuntimeChoice;
  // Read every process's full smaps on the smaps cadence: thread stacks in the breakdown.
  deep?: boolean;
  // At the end, measure what a forced GC and malloc_trim give back (Node), before the stop.
  probeRelease?: boolean;
  // Go: the base of the program's net/http/pprof, to force a GC when natural ones are rare.
  pprofUrl?: string;
  // Go: do not echo gctrace/scavtrace lines (the program's other stderr is always echoed).
  quietTrace?: boolean;
  // A Go target's stderr goes through a private file; each chunk of it, byte-exact, is
  // handed here (the CLI writes it to its own stderr). Without it the library, which never
  // prints, drops it (--keep-temp keeps the file).
  onTargetStderr?: (bytes: Buffer) => void;
  onStart?: (info: { pid: number; recordingPath: string }) => void;
  onTick?: (progress: RunProgress) => void;
  // Every record as it is written, header first (the --metrics endpoint follows the run).
  onRecord?: (record: RecordingRecord) => void;
  // The list the run keeps its records in, for the final report; a provisional report
  // reads the same one (report/provisional.ts). A new list when not given.
  records?: BodyRecord[];
  // Records to write after the target is gone and before the end record (the demo's).
  onEnding?: (tMs: number) => Promise<BodyRecord[]>;
  // With probeRelease: what releases memory in place of the runtimes' own probe (the Go
  // demo's receiver applies its fix on a signal). Appends its control records and gives
  // the pids whose RSS is read again once it settles.
  releaseAction?: (
    rootPid: number,
    context: { nowMs: () => number; append: (record: BodyRecord) => void },
  ) => Promise<number[]>;
}

export type RunProgress = TreeProgress;

export interface RunHandle {
  // First call forwards SIGINT to the target's group; a second call kills the group.
  interrupt: () => void;
  // Ends the run now as --duration would: a last forced GC, then SIGTERM (then SIGKILL).
  stop: () => void;
  done: Promise<Report>;
}

export function startRun(options: RunOptions): RunHandle {
  let interrupts = 0;
  let target: Target | undefined;
  let stopNow: (() => void) | undefined;
  let stopRequested = false;
  // The first Ctrl-C is forwarded; any later one kills the group.
  const forward = (pid: number): void => {
    signalGroup(pid, interrupts === 1 ? 'SIGINT' : 'SIGKILL');
  };
  const interrupt = (): void => {
    interrupts++;
    if (target !== undefined) forward(target.pid);
  };
  const done = execute(
    options,
    (started) => {
      target = started;
      if (interrupts > 0) forward(started.pid);
    },
    () => interrupts > 0,
    (stop) => {
      stopNow = stop;
      if (stopRequested) stop();
    },
  );
  const stop = (): void => {
    stopRequested = true;
    stopNow?.();
  };
  return { interrupt, stop, done };
}

async function execute(
  options: RunOptions,
  onTarget: (target: Target) => void,
  wasInterrupted: () => boolean,
  onStoppable: (stop: () => void) => void,
): Promise<Report> {
  const startedAt = new Date();
  const recordingPath = options.outPath ?? defaultRecordingPath(options.command, startedAt);
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const baseEnv = options.env ?? process.env;
  const directory = openRunDirectory(options.keepTemp ?? false);
  // Before the recording starts: a `go run` build is not part of the run.
  const plan = await planTarget(
    options.command,
    options.runtime ?? 'auto',
    directory.path,
    baseEnv,
  ).catch((error: unknown) => {
    directory.remove();
    throw error;
  });
  const writer = new RecordingWriter(recordingPath);
  const header = recordingHeader({
    command: options.command,
    spawnedCommand: plan.command,
    startedAt,
    intervalMs,
  });
  const records = options.records ?? [];
  const sink = recordingSink(writer, records, options.onRecord);
  const append = sink.append;
  writer.append(header);
  options.onRecord?.(header);
  const t0 = performance.now();
  const nowMs = (): number => performance.now() - t0;

  const sitesOff = sitesOffWhy(options);
  if (sitesOff !== null)
    append({ type: 'note', tMs: nowMs(), code: 'source.sitesUnavailable', text: sitesOff });
  const sources = await openRuntimeSources(plan, {
    directory: directory.path,
    intervalMs,
    durationMs: options.durationMs,
    passive: options.passive ?? false,
    attribution: sitesOff === null,
    quietTrace: options.quietTrace ?? false,
    echoStderr: (bytes) => options.onTargetStderr?.(bytes),
    ...(options.pprofUrl === undefined ? {} : { pprofUrl: options.pprofUrl }),
    nowMs,
    append,
  });
  const closeSources = async (): Promise<void> => {
    await sources.close();
    directory.remove();
  };
  const env = sources.env(baseEnv);
  let target: Target;
  try {
    target = await spawnTarget({
      command: plan.command,
      stdoutToStderr: options.stdoutToStderr ?? false,
      stderrFd: sources.stderrFd,
      env,
    });
  } catch (error) {
    await closeSources();
    const code = error instanceof RssdoctorError ? error.code : 'target.spawnFailed';
    append({ type: 'note', tMs: nowMs(), code, text: (error as Error).message });
    append(endRecord(nowMs(), { exitCode: null, signal: null }, false, false, false));
    writer.close();
    throw error;
  }
  sources.started(target.pid);
  onTarget(target);
  options.onStart?.({ pid: target.pid, recordingPath });

  const machineOomKills = readMachineOomKills();
  const sampling = new AbortController();
  // How the run was ended by rssdoctor: --duration, or stop() (a library caller, tune).
  let endedBy: 'duration' | 'stop' | null = null;
  let durationTimer: NodeJS.Timeout | undefined;
  const watch = startTreeWatch({
    rootPid: target.pid,
    intervalMs,
    nowMs,
    append,
    sources,
    deep: options.deep ?? false,
    onTick: options.onTick,
    signal: sampling.signal,
  });
  const probeRelease = options.probeRelease ?? false;
  const endRun = (by: 'duration' | 'stop'): void => {
    if (endedBy !== null) return;
    endedBy = by;
    clearTimeout(durationTimer);
    void endSequence({
      finalProbe: () => sources.finalProbe(),
      // Where the memory lies before anything is given back.
      snapshot: () => watch.snapshot(),
      releaseProbe: probeRelease
        ? async () => {
            markReleaseStart(nowMs, append);
            const probed =
              options.releaseAction === undefined
                ? await sources.releaseProbe()
                : await options.releaseAction(target.pid, { nowMs, append });
            await settleAfterRelease(probed, nowMs, append);
          }
        : null,
      stop: () => stopGroup(target.pid, STOP_GRACE_MS),
      failed: (step, error) =>
        append({
          type: 'note',
          tMs: nowMs(),
          code: 'run.endStepFailed',
          text: `${step} failed (${error instanceof Error ? error.message : String(error)}); the target was stopped anyway`,
        }),
    });
  };
  if (options.durationMs !== undefined)
    durationTimer = setTimeout(() => endRun('duration'), options.durationMs);
  onStoppable(() => endRun('stop'));
  void target.exited.then(() => sampling.abort());

  try {
    await watch.done;
  } finally {
    clearTimeout(durationTimer);
  }
  const exit = await target.exited;
  const killedByOom = oomKilled(records, target.pid, exit.signal, machineOomKills);
  // Whatever the root left behind in its group goes too: a run leaves no strays.
  await stopGroup(target.pid, STOP_GRACE_MS);
  await closeSources();
  for (const record of (await options.onEnding?.(nowMs())) ?? []) append(record);
  const timedOut = endedBy === 'duration';
  const interrupted = wasInterrupted() && endedBy === null;
  append({
    ...endRecord(nowMs(), exit, timedOut, interrupted, endedBy === null && !interrupted),
    ...(endedBy === 'stop' ? { stopped: true } : {}),
    ...(killedByOom === undefined ? {} : { oomKilled: killedByOom }),
  });
  writer.close();
  return buildReport(sink.recording(header), { recordingPath });
}

function endRecord(
  tMs: number,
  exit: { exitCode: number | null; signal: string | null },
  timedOut: boolean,
  interrupted: boolean,
  targetExited: boolean,
): EndRecord {
  return { type: 'end', tMs, ...exit, timedOut, interrupted, targetExited };
}
