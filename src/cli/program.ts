// Builds the commander program from the command specs. Parsing only records what was
// asked for; main.ts does the work, so commander never runs long actions or exits.

import { Command, Option } from 'commander';
import type { Verdict } from '../verdict/verdicts.js';
import { COMMANDS } from './commands.js';
import { parseChangeFailOn, parseFailOn } from './parse-fail-on.js';
import type { ChangeVerdict } from '../compare/rate-difference.js';
import { parseCount } from './parse-count.js';
import { parseMetricsAddress } from './parse-metrics-address.js';
import { parseRuntime } from './parse-runtime.js';
import type { RuntimeChoice } from '../run/target-plan.js';
import { parseSecondsToMs } from './parse-seconds.js';
import { TOOL_VERSION } from '../version.js';

export interface RunArgs {
  command: string[];
  durationMs?: number;
  intervalMs?: number;
  out?: string;
  json?: string | true;
  failOn?: Verdict[];
  live: boolean;
  passive?: boolean;
  attribution?: boolean;
  probeRelease?: boolean;
  deep?: boolean;
  keepTemp?: boolean;
  runtime?: RuntimeChoice;
  quietTrace?: boolean;
  metrics?: { host?: string; port: number };
  html?: string;
  pprof?: string;
}

export interface AttachArgs extends Omit<RunArgs, 'command' | 'quietTrace' | 'keepTemp'> {
  pid: number;
  inspector?: boolean;
  expvar?: string;
}

export interface ReportArgs {
  recording: string;
  json?: string | true;
  html?: string;
  failOn?: Verdict[];
}

// What commander hands the `run` action: option names without their units.
interface RawRunOptions extends Omit<RunArgs, 'command' | 'durationMs' | 'intervalMs'> {
  duration?: number;
  interval?: number;
}

export interface DemoArgs extends Omit<RunArgs, 'command'> {
  leak?: boolean;
  rate?: number;
  connections?: number;
  size?: number;
}

export interface TuneArgs {
  command: string[];
  vary?: string[];
  repeat?: number;
  demo?: string;
  messages?: number;
  load?: string;
  intervalMs?: number;
  outDir?: string;
  json?: string | true;
  html?: string;
  predict?: string[];
  confirm?: boolean;
}

export interface CompareArgs {
  before: string;
  after: string;
  json?: string | true;
  html?: string;
  failOn?: ChangeVerdict[];
}

export interface RulesArgs {
  window?: string;
}

export type ParsedArgs =
  | { name: 'rules'; args: RulesArgs }
  | { name: 'compare'; args: CompareArgs }
  | { name: 'run'; args: RunArgs }
  | { name: 'attach'; args: AttachArgs }
  | { name: 'demo'; args: DemoArgs }
  | { name: 'tune'; args: TuneArgs }
  | { name: 'report'; args: ReportArgs };

const PARSERS: Record<string, (value: string, previous: unknown) => unknown> = {
  duration: parseSecondsToMs,
  interval: parseSecondsToMs,
  failOn: parseFailOn,
  // compare's --fail-on lists comparison verdicts (a parser per command overrides).
  'compare:failOn': parseChangeFailOn,
  rate: (value) => parseCount(value, '--rate', 0),
  connections: (value) => parseCount(value, '--connections', 1),
  size: (value) => parseCount(value, '--size', 1),
  runtime: parseRuntime,
  metrics: parseMetricsAddress,
  repeat: (value) => parseCount(value, '--repeat', 1),
  messages: (value) => parseCount(value, '--messages', 1),
  // Repeatable: every --vary is kept, in order.
  vary: (value, previous) => [...((previous as string[] | undefined) ?? []), value],
  predict: (value, previous) => [...((previous as string[] | undefined) ?? []), value],
};

export function buildProgram(onParsed: (parsed: ParsedArgs) => void): Command {
  const program = new Command('rssdoctor')
    .description('RSS keeps rising — is it a leak? Watch a process and decide, with evidence.')
    .version(TOOL_VERSION)
    .enablePositionalOptions()
    .showSuggestionAfterError()
    .exitOverride();
  for (const spec of COMMANDS) {
    const command = program
      .command(spec.name)
      .summary(spec.summary)
      .description(`${spec.summary}\n\n${spec.details}`)
      .usage(spec.usage.replace(`rssdoctor ${spec.name} `, ''))
      .exitOverride();
    for (const optionSpec of spec.options) {
      const description =
        optionSpec.defaultText === undefined
          ? optionSpec.description
          : `${optionSpec.description} (default: ${optionSpec.defaultText})`;
      const option = new Option(optionSpec.flags, description);
      const parser =
        PARSERS[`${spec.name}:${option.attributeName()}`] ?? PARSERS[option.attributeName()];
      if (parser !== undefined) option.argParser(parser);
      command.addOption(option);
    }
    command.addHelpText('after', `\nExamples:\n  ${spec.examples.join('\n  ')}`);
    if (spec.name === 'run') {
      command
        .argument('<command...>', 'the command to run, after --')
        .passThroughOptions()
        .action((commandArgs: string[], options: RawRunOptions) => {
          const { duration, interval, ...rest } = options;
          onParsed({
            name: 'run',
            args: { ...rest, durationMs: duration, intervalMs: interval, command: commandArgs },
          });
        });
    } else if (spec.name === 'attach') {
      command
        .argument('<pid>', 'the process to watch', (value) => parseCount(value, '<pid>', 1))
        .action((pid: number, options: RawRunOptions & Omit<AttachArgs, keyof RunArgs>) => {
          const { duration, interval, ...rest } = options;
          onParsed({
            name: 'attach',
            args: { ...rest, durationMs: duration, intervalMs: interval, pid },
          });
        });
    } else if (spec.name === 'demo') {
      command.action((options: RawRunOptions & Omit<DemoArgs, keyof RunArgs>) => {
        const { duration, interval, ...rest } = options;
        onParsed({ name: 'demo', args: { ...rest, durationMs: duration, intervalMs: interval } });
      });
    } else if (spec.name === 'compare') {
      command
        .argument('<before>', 'the recording (or Report JSON naming one) before the change')
        .argument('<after>', 'the recording (or Report JSON naming one) after it')
        .action((before: string, after: string, options: Omit<CompareArgs, 'before' | 'after'>) =>
          onParsed({ name: 'compare', args: { ...options, before, after } }),
        );
    } else if (spec.name === 'rules') {
      command.action((options: RulesArgs) => onParsed({ name: 'rules', args: options }));
    } else if (spec.name === 'tune') {
      command
        .argument('[command...]', 'the command to tune, after -- (not with --demo)')
        .passThroughOptions()
        .action(
          (
            commandArgs: string[],
            options: Omit<TuneArgs, 'command' | 'intervalMs'> & { interval?: number },
          ) => {
            const { interval, ...rest } = options;
            onParsed({
              name: 'tune',
              args: { ...rest, intervalMs: interval, command: commandArgs },
            });
          },
        );
    } else {
      command
        .argument('<recording>', 'an NDJSON recording written by `rssdoctor run`')
        .action((recording: string, options: Omit<ReportArgs, 'recording'>) => {
          onParsed({ name: 'report', args: { ...options, recording } });
        });
    }
  }
  return program;
}
