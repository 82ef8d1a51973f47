// `rssdoctor demo`: the seed scenario. Starts the receiver through the same `run` code as
// the CLI (so it is watched exactly like a user's program), drives it with the load
// generator, and writes the load's own figures into the recording (and so the Report). It
// never imports the analysis or the verdict, so the demo cannot be tuned to pass.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultRecordingPath } from '../recording/default-path.js';
import type { BodyRecord, DemoLoadFigures } from '../recording/records.js';
import { startRun, type RunHandle, type RunOptions } from '../run/run.js';
import { goDemoBinary } from './go-demo-build.js';
import { applyGoFix } from './go-fix.js';

export const DEMO_DEFAULTS = {
  durationMs: 60_000,
  ratePerSecond: 2000,
  connections: 4,
  messageBytes: 1024,
  receiverWorkers: 5,
};
// The Go receiver, as in golang/go#40448: sensors sending a few messages a second over 5
// connections (one goroutine each). At this rate its garbage takes minutes to reach Go's
// first GC trigger. With --leak the default rate is the Node demo's, so the leak shows.
export const GO_DEMO_DEFAULTS = {
  durationMs: 40_000,
  ratePerSecond: 5,
  leakRatePerSecond: 2000,
  connections: 5,
};

export type DemoRuntime = 'node' | 'go';

// About a minute for the story: Go's no-gc-yet is confident by 30 s; the Node receiver's
// live data needs its forced GCs spread over a minute to be called steady with confidence.
export function demoDurationMs(runtime: DemoRuntime): number {
  return runtime === 'go' ? GO_DEMO_DEFAULTS.durationMs : DEMO_DEFAULTS.durationMs;
}

export function demoLoad(options: {
  runtime?: DemoRuntime;
  leak: boolean;
  ratePerSecond?: number;
  connections?: number;
  messageBytes?: number;
}): { ratePerSecond: number; connections: number; messageBytes: number } {
  const go = options.runtime === 'go';
  const defaultRate = !go
    ? DEMO_DEFAULTS.ratePerSecond
    : options.leak
      ? GO_DEMO_DEFAULTS.leakRatePerSecond
      : GO_DEMO_DEFAULTS.ratePerSecond;
  return {
    ratePerSecond: options.ratePerSecond ?? defaultRate,
    connections:
      options.connections ?? (go ? GO_DEMO_DEFAULTS.connections : DEMO_DEFAULTS.connections),
    messageBytes: options.messageBytes ?? DEMO_DEFAULTS.messageBytes,
  };
}
// The load stops this long before the run, so the final forced GC sees settled data.
const LOAD_STOPS_BEFORE_END_MS = 1000;
const PORT_WAIT_MS = 15_000;

const RECEIVER = fileURLToPath(new URL('./receiver.js', import.meta.url));
const LOAD = fileURLToPath(new URL('./load.js', import.meta.url));

export interface DemoOptions extends Omit<RunOptions, 'command' | 'onStart' | 'runtime'> {
  runtime?: DemoRuntime;
  leak: boolean;
  ratePerSecond?: number;
  connections?: number;
  messageBytes?: number;
  // A fixed amount of work (for `tune`): the load sends this many messages, then the run
  // ends. Without it the load runs until the duration.
  messages?: number;
  // Go receiver: keep the last N payloads (a bounded window, as a dedupe or replay buffer
  // would), so that the GC has live data to mark. `tune` uses it; 0 keeps none.
  recent?: number;
  onStart?: (info: { pid: number; port: number; recordingPath: string }) => void;
}

export function startDemo(options: DemoOptions): RunHandle {
  if (options.runtime !== 'go') return startWith(options, null);
  // The Go receiver is built first (cached); an interrupt meanwhile ends the demo early.
  let inner: RunHandle | null = null;
  let interrupted = false;
  let stopped = false;
  const done = goDemoBinary(options.env ?? process.env).then((binary) => {
    inner = startWith(options, binary);
    if (interrupted) inner.interrupt();
    if (stopped) inner.stop();
    return inner.done;
  });
  return {
    interrupt: () => {
      interrupted = true;
      inner?.interrupt();
    },
    stop: () => {
      stopped = true;
      inner?.stop();
    },
    done,
  };
}

function startWith(options: DemoOptions, goBinary: string | null): RunHandle {
  const directory = mkdtempSync(path.join(tmpdir(), 'rssdoctor-demo-'));
  const portFile = path.join(directory, 'port');
  const fixedFile = path.join(directory, 'fixed');
  const summaryFile = path.join(directory, 'load.json');
  const durationMs = options.durationMs ?? demoDurationMs(goBinary === null ? 'node' : 'go');
  const load = demoLoad(options);
  let loadChild: ChildProcess | undefined;
  const leakArgs = options.leak ? ['--leak'] : [];
  const command =
    goBinary === null
      ? [
          process.execPath,
          RECEIVER,
          '--port-file',
          portFile,
          '--workers',
          String(DEMO_DEFAULTS.receiverWorkers),
          ...leakArgs,
        ]
      : [
          goBinary,
          '--port-file',
          portFile,
          '--fixed-file',
          fixedFile,
          ...leakArgs,
          ...(options.recent === undefined ? [] : ['--recent', String(options.recent)]),
        ];
  // The load's own figures go into the recording before its end record, so that
  // `rssdoctor report` of the recording has them too.
  const onEnding = async (tMs: number): Promise<BodyRecord[]> => {
    // A child killed by a signal keeps exitCode null: signalCode says it has exited.
    const running = (): boolean =>
      loadChild !== undefined && loadChild.exitCode === null && loadChild.signalCode === null;
    if (running()) {
      const exited = new Promise((resolve) => loadChild!.once('exit', resolve));
      loadChild!.kill('SIGTERM');
      await exited;
    }
    const summary = readSummary(summaryFile);
    if (summary === null) return [];
    return [
      {
        type: 'demo',
        tMs,
        runtime: goBinary === null ? 'node' : 'go',
        leak: options.leak,
        // Go: no worker threads; one goroutine per connection.
        receiverWorkers: goBinary === null ? DEMO_DEFAULTS.receiverWorkers : 0,
        ...summary,
        keptBytesPerSecond: options.leak ? summary.sentBytesPerSecond : 0,
      },
    ];
  };
  const handle = startRun({
    ...options,
    onEnding,
    // Go: the release probe is the fix the report gives, applied in the running receiver.
    ...(goBinary === null ? {} : { releaseAction: applyGoFix(fixedFile) }),
    runtime: goBinary === null ? 'auto' : 'go',
    command,
    durationMs,
    outPath: options.outPath ?? defaultRecordingPath(['demo'], new Date()),
    onStart: ({ pid, recordingPath }) => {
      void waitForPort(portFile).then((port) => {
        if (port === null) return;
        options.onStart?.({ pid, port, recordingPath });
        loadChild = spawn(
          process.execPath,
          [
            LOAD,
            '--port',
            String(port),
            '--connections',
            String(load.connections),
            '--rate',
            String(load.ratePerSecond),
            '--size',
            String(load.messageBytes),
            '--duration-ms',
            String(Math.max(1000, durationMs - LOAD_STOPS_BEFORE_END_MS)),
            ...(options.messages === undefined ? [] : ['--messages', String(options.messages)]),
            '--summary-file',
            summaryFile,
          ],
          { stdio: 'ignore' },
        );
        // A fixed amount of work: when it is done, so is the run.
        if (options.messages !== undefined) loadChild.once('exit', () => handle.stop());
      });
    },
  });
  const done = handle.done.finally(() => rmSync(directory, { recursive: true, force: true }));
  return {
    interrupt: () => {
      loadChild?.kill('SIGTERM');
      handle.interrupt();
    },
    stop: () => {
      loadChild?.kill('SIGTERM');
      handle.stop();
    },
    done,
  };
}

function readSummary(file: string): DemoLoadFigures | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DemoLoadFigures;
  } catch {
    return null;
  }
}

async function waitForPort(file: string): Promise<number | null> {
  const deadline = Date.now() + PORT_WAIT_MS;
  while (Date.now() < deadline) {
    try {
      const port = Number(readFileSync(file, 'utf8'));
      if (port > 0) return port;
    } catch {
      // not written yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}
