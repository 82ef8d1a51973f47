// The CLI: argv → options → library → reporter → exit code. The only place that prints
// to the terminal, handles signals, or decides the exit code.

import { CommanderError } from 'commander';
import { compareCommand } from './compare-command.js';
import { tuneCommand } from './tune-command.js';
import { isRssdoctorError } from '../errors.js';
import { readRecording } from '../recording/reader.js';
import { buildReport } from '../report/build.js';
import { DEMO_DEFAULTS, demoLoad, startDemo } from '../demo/demo.js';
import { RssdoctorError } from '../errors.js';
import { startRun, type RunHandle, type RunOptions } from '../run/run.js';
import type { RecordingRecord } from '../recording/records.js';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_REPORT, EXIT_USAGE, exitFor } from './exit-codes.js';
import { feedMetrics, openMetricsEndpoint } from './metrics-endpoint.js';
import { jsonToStdout, writeHtmlReport, writeReport } from './output.js';
import {
  buildProgram,
  type DemoArgs,
  type ParsedArgs,
  type ReportArgs,
  type RunArgs,
} from './program.js';
import { liveViewFor, type LiveView } from './live-view.js';
import { attachCommand } from './attach-command.js';
import { Provisional } from '../report/provisional.js';
import { targetNotice } from './target-notice.js';
import { awaitReport } from './await-report.js';

export async function main(argv: readonly string[]): Promise<number> {
  ignoreClosedStdout();
  let parsed: ParsedArgs | undefined;
  const program = buildProgram((value) => (parsed = value));
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version are successes; everything else commander throws is usage.
      const ok =
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help';
      return ok ? EXIT_REPORT : EXIT_USAGE;
    }
    throw error;
  }
  if (parsed === undefined) {
    program.outputHelp();
    return EXIT_USAGE;
  }
  try {
    if (parsed.name === 'run') return await runCommand(parsed.args);
    if (parsed.name === 'attach') return await attachCommand(parsed.args);
    if (parsed.name === 'demo') return await demoCommand(parsed.args);
    if (parsed.name === 'tune') return await tuneCommand(parsed.args);
    // Loaded on use: its YAML writer is megabytes a watch never needs.
    if (parsed.name === 'rules')
      return (await import('./rules-command.js')).rulesCommand(parsed.args);
    if (parsed.name === 'compare') return compareCommand(parsed.args);
    return reportCommand(parsed.args as ReportArgs);
  } catch (error) {
    if (isRssdoctorError(error)) {
      process.stderr.write(`rssdoctor: ${error.message}\n`);
      return error.code.startsWith('usage.') ? EXIT_USAGE : EXIT_FAILURE;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `rssdoctor: internal error: ${message}; please report it with the command you ran\n`,
    );
    if (process.env.RSSDOCTOR_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return EXIT_FAILURE;
  }
}

async function runCommand(args: RunArgs): Promise<number> {
  const provisional = new Provisional();
  const view = liveViewFor(args, args.durationMs, '', provisional);
  const metrics = await openMetricsEndpoint(args.metrics, provisional);
  const handle = startRun({
    ...runOptions(args, view, provisional, feedMetrics(metrics)),
    command: args.command,
    onStart: ({ pid, recordingPath }) => {
      if (view.tty)
        view.passthrough(`rssdoctor: watching pid ${pid}, recording to ${recordingPath}\n`);
    },
  });
  return finish(handle, args, view).finally(() => metrics?.close());
}

async function demoCommand(args: DemoArgs): Promise<number> {
  const runtime = args.runtime ?? 'node';
  if (runtime !== 'node' && runtime !== 'go') {
    throw new RssdoctorError(
      'usage.invalidOption',
      `demo --runtime: expected node or go, got "${runtime}"`,
    );
  }
  const provisional = new Provisional();
  const view = liveViewFor(args, args.durationMs ?? DEMO_DEFAULTS.durationMs, 'demo', provisional);
  const leak = args.leak ?? false;
  const load = demoLoad({
    runtime,
    leak,
    ratePerSecond: args.rate,
    connections: args.connections,
    messageBytes: args.size,
  });
  const metrics = await openMetricsEndpoint(args.metrics, provisional);
  const handle = startDemo({
    ...runOptions(args, view, provisional, feedMetrics(metrics)),
    runtime,
    leak,
    ...load,
    onStart: ({ pid, port }) => {
      const receiver =
        runtime === 'go'
          ? `Go, one goroutine per connection, a fresh bufio.Reader per message`
          : `Node, 5 worker threads`;
      view.passthrough(
        `rssdoctor demo: receiver pid ${pid} (${receiver}${leak ? ', keeping every payload' : ''}) ` +
          `on 127.0.0.1:${port}; load: ${load.connections} connections, ` +
          `${load.ratePerSecond === 0 ? 'as fast as acks allow' : `${load.ratePerSecond} messages/s`} of ${load.messageBytes} bytes, ` +
          `for ${((args.durationMs ?? DEMO_DEFAULTS.durationMs) / 1000).toFixed(0)} s\n`,
      );
    },
  });
  return finish(handle, args, view).finally(() => metrics?.close());
}

// One list of records for the run, the live view and the metrics (the Provisional's).
function runOptions(
  args: Omit<RunArgs, 'command'>,
  view: LiveView,
  provisional: Provisional,
  metrics: ((record: RecordingRecord) => void) | undefined,
): Omit<RunOptions, 'command'> {
  return {
    durationMs: args.durationMs,
    intervalMs: args.intervalMs,
    outPath: args.out,
    stdoutToStderr: jsonToStdout(args.json),
    passive: args.passive ?? false,
    attribution: args.attribution ?? true,
    probeRelease: args.probeRelease ?? false,
    deep: args.deep ?? false,
    keepTemp: args.keepTemp ?? false,
    runtime: args.runtime,
    quietTrace: args.quietTrace ?? false,
    pprofUrl: args.pprof,
    onTargetStderr: (bytes) => view.passthrough(bytes),
    records: provisional.records,
    onRecord: (record) => {
      if (record.type === 'header') provisional.setHeader(record);
      metrics?.(record);
      view.onRecord(record);
    },
  };
}

async function finish(
  handle: RunHandle,
  args: Omit<RunArgs, 'command'>,
  view: LiveView,
): Promise<number> {
  const report = await awaitReport(handle.done, () => handle.interrupt(), view, args);
  const notice = targetNotice(report);
  if (notice !== null) process.stderr.write(notice + '\n');
  if (report.run.interrupted) return EXIT_INTERRUPTED;
  return exitFor(report.verdict, args.failOn);
}

function reportCommand(args: ReportArgs): number {
  const recording = readRecording(args.recording);
  const report = buildReport(recording, { recordingPath: args.recording });
  writeReport(report, args.json);
  if (args.html !== undefined) writeHtmlReport(args.html, report, recording);
  return exitFor(report.verdict, args.failOn);
}

// `rssdoctor report r.ndjson | head`: the reader leaving is not an error, and a run goes on
// recording. Any other write error on stdout still surfaces.
function ignoreClosedStdout(): void {
  if (process.stdout.listenerCount('error') > 0) return;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
