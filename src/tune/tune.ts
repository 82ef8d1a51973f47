// `tune`: the same fixed work under each setting, runs interleaved (A B C A B C …, so a
// drift of the machine hits every setting alike) and repeated. Each run goes through the
// same `run` (or demo) code as everything else; its figures come from its recording.
// Never prints; progress goes to `onRun`.

import type { RecordingRecord } from '../recording/records.js';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startDemo, type DemoRuntime } from '../demo/demo.js';
import { RssdoctorError } from '../errors.js';
import { readRecording } from '../recording/reader.js';
import type { Report } from '../report/report.js';
import { startRun, type RunHandle } from '../run/run.js';
import { runFigures, type RunFigures } from './figures.js';
import { loadUnits } from './load-units.js';
import { summarize, type SettingSummary } from './summary.js';
import { applySetting, type Setting } from './vary.js';

export const TUNE_SCHEMA_VERSION = 1;
export const DEFAULT_REPEAT = 3;
// ~4 s of the Go receiver's closed loop here: enough samples for a steady RSS.
export const DEFAULT_TUNE_MESSAGES = 200_000;
export const DEFAULT_TUNE_INTERVAL_MS = 250;
// The Go receiver keeps this many recent payloads in `tune`: live data for the GC to mark,
// as any real service has, so that GC settings have something to trade.
export const GO_TUNE_RECENT = 65_536;
// A user's load starts this long after the target, to let it open its port.
export const LOAD_DELAY_MS = 1_000;

export type TuneTarget =
  | { kind: 'command'; command: string[]; load: string[] | null }
  | { kind: 'demo'; runtime: DemoRuntime; messages: number };

export interface TuneOptions {
  target: TuneTarget;
  settings: Setting[];
  repeat?: number;
  intervalMs?: number;
  env?: NodeJS.ProcessEnv;
  // Where each run's recording goes (tune-<n>.ndjson).
  outDir: string;
  onRun?: (info: { setting: Setting; round: number; index: number; total: number }) => void;
  onTargetStderr?: (bytes: Buffer) => void;
  // Every record of the run in progress (the CLI's live view follows it).
  onRecord?: (record: RecordingRecord) => void;
  // The JSON goes to stdout: the target's stdout goes to stderr.
  stdoutToStderr?: boolean;
  // Aborting interrupts the run in progress (its target gets SIGINT) and starts no other;
  // the result then holds the runs that finished.
  signal?: AbortSignal;
}

export interface TuneResult {
  schemaVersion: typeof TUNE_SCHEMA_VERSION;
  target: TuneTarget;
  repeat: number;
  // What CPU is counted per 1,000 of: demo messages, a load's reported units, or none.
  unit: 'message' | 'unit' | null;
  // The signal aborted the tune: some settings have fewer runs than `repeat`.
  interrupted: boolean;
  settings: SettingSummary[];
}

export async function tune(options: TuneOptions): Promise<TuneResult> {
  const repeat = options.repeat ?? DEFAULT_REPEAT;
  const runs = new Map<Setting, RunFigures[]>(options.settings.map((s) => [s, []]));
  const total = repeat * options.settings.length;
  let index = 0;
  for (let round = 0; round < repeat; round++) {
    for (const setting of options.settings) {
      if (aborted(options.signal)) break;
      options.onRun?.({ setting, round, index, total });
      const outPath = path.join(options.outDir, `tune-${index + 1}.ndjson`);
      const { figures } = await tuneRun(options, setting, outPath);
      // An interrupted run did not do the whole work: it is not comparable.
      if (!aborted(options.signal)) runs.get(setting)!.push(figures);
      index++;
    }
  }
  const results = options.settings.map((setting) => ({ setting, runs: runs.get(setting)! }));
  const units = results.flatMap((r) => r.runs.map((run) => run.units));
  return {
    schemaVersion: TUNE_SCHEMA_VERSION,
    target: options.target,
    repeat,
    unit:
      options.target.kind === 'demo' ? 'message' : units.every((u) => u !== null) ? 'unit' : null,
    interrupted: aborted(options.signal),
    settings: summarize(results),
  };
}

// One run of the work under a setting: its figures, and the pid they are of.
export async function tuneRun(
  options: TuneOptions,
  setting: Setting,
  outPath: string,
): Promise<{ figures: RunFigures; pid: number }> {
  const env = applySetting(options.env ?? process.env, setting);
  const intervalMs = options.intervalMs ?? DEFAULT_TUNE_INTERVAL_MS;
  const { target } = options;
  // The target's own pid: its figures are the setting's, not a wrapper's or the load's.
  let pid = -1;
  if (target.kind === 'demo') {
    const handle = startDemo({
      onStart: (info) => (pid = info.pid),
      runtime: target.runtime,
      leak: false,
      ratePerSecond: 0,
      messages: target.messages,
      ...(target.runtime === 'go' ? { recent: GO_TUNE_RECENT } : {}),
      env,
      intervalMs,
      outPath,
      quietTrace: true,
      // A setting is measured, not profiled: profiles add forced GCs to what is measured.
      attribution: false,
      stdoutToStderr: options.stdoutToStderr ?? false,
      // A ceiling only: the run ends when the messages are acked.
      durationMs: 10 * 60_000,
      onTargetStderr: options.onTargetStderr,
      onRecord: options.onRecord,
    });
    const report = await interruptible(handle, options.signal);
    const figures = figuresOf(report, pid, outPath, {
      wallMs: report.demo?.durationMs ?? report.run.durationMs,
      units: report.demo?.ackedMessages ?? null,
    });
    return { figures, pid };
  }
  let load: Promise<{ wallMs: number; units: number | null }> | null = null;
  let loadError: unknown = null;
  const started = performance.now();
  const handle: RunHandle = startRun({
    command: target.command,
    env,
    intervalMs,
    outPath,
    quietTrace: true,
    attribution: false,
    stdoutToStderr: options.stdoutToStderr ?? false,
    onTargetStderr: options.onTargetStderr,
    onRecord: options.onRecord,
    onStart: (info) => {
      pid = info.pid;
      if (target.load === null) return;
      // A load that cannot start ends the run too; its error is thrown once the run is over
      // (an unawaited rejection meanwhile would crash the process).
      load = runLoad(target.load, options.env ?? process.env)
        .catch((error: unknown) => {
          loadError = error;
          return { wallMs: 0, units: null };
        })
        .finally(() => handle.stop());
    },
  });
  const report = await interruptible(handle, options.signal);
  if (loadError !== null) throw loadError;
  const work = load === null ? { wallMs: performance.now() - started, units: null } : await load;
  return { figures: figuresOf(report, pid, outPath, work), pid };
}

// A function, not an inline check: the signal changes across the awaits in between.
function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function interruptible(handle: RunHandle, signal: AbortSignal | undefined): Promise<Report> {
  const onAbort = (): void => handle.interrupt();
  signal?.addEventListener('abort', onAbort, { once: true });
  return handle.done.finally(() => signal?.removeEventListener('abort', onAbort));
}

function figuresOf(
  report: Report,
  pid: number,
  outPath: string,
  work: { wallMs: number; units: number | null },
): RunFigures {
  const recording = readRecording(outPath);
  return runFigures(recording.records, pid, { ...work, verdict: report.verdict });
}

function runLoad(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ wallMs: number; units: number | null }> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      const started = performance.now();
      const child = spawn(args[0]!, args.slice(1), { env, stdio: ['ignore', 'pipe', 'inherit'] });
      let stdout = '';
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new RssdoctorError(
            'target.commandNotFound',
            `--load: cannot start "${args[0]}" (${error.code ?? error.message}); check the command`,
          ),
        ),
      );
      child.once('close', () =>
        resolve({ wallMs: performance.now() - started, units: loadUnits(stdout) }),
      );
    }, LOAD_DELAY_MS);
  });
}
