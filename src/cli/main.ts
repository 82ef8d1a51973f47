// The CLI: argv → options → library → reporter → exit code. The only place that prints
// to the terminal, handles signals, or decides the exit code.

import { CommanderError } from 'commander';
import { compareCommand } from './compare-command.js';
import { tuneCommand } from './tune-command.js';
import { isRssdoctorError } from '../errors.js';
import { readRecording } from '../recording/reader.js';
import { buildReport } from '../report/build.js';
import { demoDurationMs, demoLoad, startDemo } from '../demo/demo.js';
import { defaultRecordingPath } from '../recording/default-path.js';
import { resolveCommand } from '../target/resolve-command.js';
import { demoStory } from './demo-story.js';
import type { Report } from '../report/report.js';
import { RssdoctorError } from '../errors.js';
import { startRun, type RunHandle, type RunOptions } from '../run/run.js';
import type { RecordingRecord } from '../recording/records.js';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_REPORT, EXIT_USAGE, exitFor } from './exit-codes.js';
import { feedMetrics, openMetricsEndpoint } from './metrics-endpoint.js';
import { forStderr, forStdout, jsonToStdout, writeHtmlReport, writeReport } from './output.js';
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
import { SHORT_USAGE } from './short-usage.js';
import { awaitReport } from './await-report.js';

export async function main(argv: readonly string[]): Promise<number> {
  ignoreClosedStdout();
  if (argv.length === 0) {
    process.stdout.write(SHORT_USAGE);
    return EXIT_REPORT;
  }
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
        view.passthrough(
          forStderr(`rssdoctor: watching pid ${pid}, recording to ${recordingPath}\n`),
        );
    },
  });
  return finish(handle, args, view).finally(() => metrics?.close());
}

async function demoCommand(args: DemoArgs): Promise<number> {
  // The seed story is Go's; without go on PATH it is told with the Node receiver.
  const goMissing = args.runtime === undefined && resolveCommand('go', process.env) === null;
  const runtime = args.runtime ?? (goMissing ? 'node' : 'go');
  if (runtime !== 'node' && runtime !== 'go') {
    throw new RssdoctorError(
      'usage.invalidOption',
      `demo --runtime: expected node or go, got "${runtime}"`,
    );
  }
  const durationMs = args.durationMs ?? demoDurationMs(runtime);
  // Always a recording and an HTML report beside it: the demo ends by naming both.
  const out = args.out ?? defaultRecordingPath(['demo'], new Date());
  // (Not for --out /dev/null or another name that is not a recording file's.)
  const html =
    args.html ?? (out.endsWith('.ndjson') ? out.slice(0, -'.ndjson'.length) + '.html' : undefined);
  if (goMissing) process.stderr.write(forStderr(GO_MISSING_LINE + '\n'));
  const provisional = new Provisional();
  const view = liveViewFor(args, durationMs, 'demo', provisional);
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
    ...runOptions({ ...args, out, durationMs }, view, provisional, feedMetrics(metrics)),
    // The end of the story: what the fix gives back, measured (not under --passive, whose
    // promise is no forced GC).
    probeRelease: args.probeRelease ?? args.passive !== true,
    runtime,
    leak,
    ...load,
    onStart: ({ pid, port }) => {
      const receiver =
        runtime === 'go'
          ? `Go, one goroutine per connection, a fresh bufio.Reader per message`
          : `Node, 5 worker threads`;
      view.passthrough(
        forStderr(
          `rssdoctor demo: receiver pid ${pid} (${receiver}${leak ? ', keeping every payload' : ''}) ` +
            `on 127.0.0.1:${port}; load: ${load.connections} connections, ` +
            `${load.ratePerSecond === 0 ? 'as fast as acks allow' : `${load.ratePerSecond} messages/s`} of ${load.messageBytes} bytes, ` +
            `for ${(durationMs / 1000).toFixed(0)} s\n`,
        ),
      );
    },
  });
  const code = await finish(handle, { ...args, html }, view, (report) => demoStory(report));
  metrics?.close();
  // Where the report went: stdout, or stderr when stdout carries the JSON.
  const say = jsonToStdout(args.json)
    ? (text: string) => process.stderr.write(forStderr(text))
    : (text: string) => process.stdout.write(forStdout(text));
  if (goMissing) say(`\n${GO_MISSING_LINE}\n`);
  if (html !== undefined) say(`\nHTML report: ${html} (open it in a browser)\n`);
  return code;
}

const GO_MISSING_LINE =
  'rssdoctor demo: go is not installed, so this is the story told with a Node receiver; the original (golang/go#40448) is a Go receiver: install Go (apt-get install golang-go, or https://go.dev/dl), then run rssdoctor demo --runtime go';

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
  epilogue: (report: Report) => string[] = () => [],
): Promise<number> {
  const report = await awaitReport(handle.done, () => handle.interrupt(), view, args, epilogue);
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
