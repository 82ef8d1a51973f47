// The CLI: argv → options → library → reporter → exit code. The only place that prints
// to the terminal, handles signals, or decides the exit code.

import { CommanderError } from 'commander';
import { isRssdoctorError } from '../errors.js';
import { readRecording } from '../recording/reader.js';
import { buildReport } from '../report/build.js';
import type { Report } from '../report/report.js';
import { startRun } from '../run/run.js';
import type { Verdict } from '../verdict/verdicts.js';
import {
  EXIT_FAILURE,
  EXIT_FAIL_ON,
  EXIT_INTERRUPTED,
  EXIT_REPORT,
  EXIT_USAGE,
} from './exit-codes.js';
import { writeReport } from './output.js';
import { buildProgram, type ParsedArgs, type ReportArgs, type RunArgs } from './program.js';
import { progressLine } from './progress.js';
import { targetNotice } from './target-notice.js';

export async function main(argv: readonly string[]): Promise<number> {
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
    return parsed.name === 'run' ? await runCommand(parsed.args) : reportCommand(parsed.args);
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
  const showProgress = args.live && process.stderr.isTTY === true;
  const handle = startRun({
    command: args.command,
    durationMs: args.durationMs,
    intervalMs: args.intervalMs,
    outPath: args.out,
    stdoutToStderr: args.json === true,
    passive: args.passive ?? false,
    keepTemp: args.keepTemp ?? false,
    onStart: ({ pid, recordingPath }) => {
      if (showProgress)
        process.stderr.write(`rssdoctor: watching pid ${pid}, recording to ${recordingPath}\n`);
    },
    onTick: showProgress
      ? (progress) => process.stderr.write(progressLine(progress, args.durationMs))
      : undefined,
  });
  const onSignal = (): void => handle.interrupt();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let report: Report;
  try {
    report = await handle.done;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (showProgress) process.stderr.write('\r\x1b[2K');
  }
  writeReport(report, args.json);
  const notice = targetNotice(report);
  if (notice !== null) process.stderr.write(notice + '\n');
  if (report.run.interrupted) return EXIT_INTERRUPTED;
  return exitFor(report.verdict, args.failOn);
}

function reportCommand(args: ReportArgs): number {
  const recording = readRecording(args.recording);
  const report = buildReport(recording, { recordingPath: args.recording });
  writeReport(report, args.json);
  return exitFor(report.verdict, args.failOn);
}

function exitFor(verdict: Verdict, failOn: Verdict[] | undefined): number {
  return failOn?.includes(verdict) ? EXIT_FAIL_ON : EXIT_REPORT;
}
