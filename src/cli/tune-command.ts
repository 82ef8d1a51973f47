// `rssdoctor tune`: options → the tune library → the table (or JSON) → exit code. Ctrl-C
// interrupts the run in progress and prints what finished.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RssdoctorError } from '../errors.js';
import { splitArgs } from '../tune/split-args.js';
import { checkPredictSetting, predict } from '../tune/predict.js';
import { renderPredictTable } from '../tune/predict-table.js';
import {
  DEFAULT_TUNE_MESSAGES,
  TUNE_SCHEMA_VERSION,
  tune,
  type TuneOptions,
  type TuneTarget,
} from '../tune/tune.js';
import { renderTuneHtml } from '../tune/tune-html.js';
import { renderTuneTable } from '../tune/tune-table.js';
import { parseVary, settingsOf, type Setting } from '../tune/vary.js';
import { EXIT_INTERRUPTED, EXIT_REPORT } from './exit-codes.js';
import { colorWanted, LiveView } from './live-view.js';
import { Provisional } from '../report/provisional.js';
import { jsonToStdout } from './output.js';
import type { TuneArgs } from './program.js';

export async function tuneCommand(args: TuneArgs): Promise<number> {
  const target = tuneTarget(args);
  const predicted = predictSettings(args);
  const settings = predicted ?? settingsOf((args.vary ?? []).map((text) => parseVary(text)));
  const outDir = args.outDir ?? mkdtempSync(path.join(tmpdir(), 'rssdoctor-tune-'));
  if (args.outDir !== undefined) mkdirSync(outDir, { recursive: true });
  const aborter = new AbortController();
  let view = null as LiveView | null;
  let provisional = new Provisional();
  const onSignal = (): void => aborter.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const common: Omit<TuneOptions, 'settings' | 'repeat'> = {
      signal: aborter.signal,
      target,
      intervalMs: args.intervalMs,
      outDir,
      stdoutToStderr: jsonToStdout(args.json),
      onTargetStderr: (bytes) =>
        view === null ? process.stderr.write(bytes) : view.passthrough(bytes),
      // tune's runs keep their own records; the view's Provisional gets a copy of each.
      onRecord: (record) => {
        if (record.type === 'header') provisional.setHeader(record);
        else provisional.add(record);
        view?.onRecord(record);
      },
      onRun: ({ setting, round, index, total }) => {
        view?.close();
        const title = `tune run ${index + 1}/${total} (round ${round + 1}): ${setting.label}`;
        process.stderr.write(`rssdoctor ${title}\n`);
        provisional = new Provisional();
        view = new LiveView({
          provisional,
          tty: process.stderr.isTTY === true,
          durationMs: undefined,
          title,
          columns: () => process.stderr.columns ?? 100,
          color: colorWanted(process.env),
          write: (text) => process.stderr.write(text),
        });
      },
    };
    const forecast = predicted === null ? null : await predict(common, predicted);
    const measure = predicted === null || args.confirm === true;
    const result =
      measure && !aborter.signal.aborted
        ? await tune({ ...common, settings, repeat: args.repeat })
        : null;
    view?.close();
    const table =
      forecast === null
        ? renderTuneTable(result!)
        : renderPredictTable(forecast, result?.settings ?? null);
    const json = JSON.stringify(
      forecast === null
        ? result
        : {
            ...(result ?? { schemaVersion: TUNE_SCHEMA_VERSION, target }),
            observed: forecast.observed,
            model: forecast.model,
            predictions: forecast.predictions,
          },
      null,
      2,
    );
    if (args.html !== undefined && result !== null)
      writeFileSync(args.html, renderTuneHtml(result), { mode: 0o600 });
    if (jsonToStdout(args.json)) {
      process.stdout.write(json + '\n');
      process.stderr.write(table);
    } else {
      if (typeof args.json === 'string') writeFileSync(args.json, json + '\n', { mode: 0o600 });
      process.stdout.write(table);
    }
    return aborter.signal.aborted ? EXIT_INTERRUPTED : EXIT_REPORT;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (args.outDir === undefined) rmSync(outDir, { recursive: true, force: true });
  }
}

// --predict's settings, each name and value checked before anything runs; null without it.
function predictSettings(args: TuneArgs): Setting[] | null {
  if (args.predict === undefined) {
    if (args.confirm === true)
      throw new RssdoctorError(
        'usage.invalidOption',
        'tune --confirm: confirms --predict; give --predict GOGC=a|b',
      );
    return null;
  }
  if (args.vary !== undefined)
    throw new RssdoctorError(
      'usage.invalidOption',
      'tune: --predict forecasts and --vary measures; give one (--predict … --confirm does both)',
    );
  const varies = args.predict.map((text) => parseVary(text, '--predict'));
  for (const vary of varies) {
    for (const value of vary.values) {
      const problem = checkPredictSetting(vary.name, value);
      if (problem !== null) throw new RssdoctorError('usage.invalidOption', problem);
    }
  }
  return settingsOf(varies);
}

function tuneTarget(args: TuneArgs): TuneTarget {
  if ((args.vary ?? []).length === 0 && (args.predict ?? []).length === 0) {
    throw new RssdoctorError(
      'usage.invalidOption',
      'tune: expected at least one --vary NAME=a|b (or --predict GOGC=a|b)',
    );
  }
  if (args.demo !== undefined) {
    if (args.demo !== 'node' && args.demo !== 'go') {
      throw new RssdoctorError(
        'usage.invalidOption',
        `tune --demo: expected node or go, got "${args.demo}"`,
      );
    }
    if (args.command.length > 0 || args.load !== undefined) {
      throw new RssdoctorError(
        'usage.invalidOption',
        'tune: --demo tunes the demo; give no command and no --load with it',
      );
    }
    return { kind: 'demo', runtime: args.demo, messages: args.messages ?? DEFAULT_TUNE_MESSAGES };
  }
  if (args.command.length === 0) {
    throw new RssdoctorError(
      'usage.invalidOption',
      'tune: expected --demo node|go or a command after --: `rssdoctor tune --vary GOGC=50|100 -- ./server`',
    );
  }
  return {
    kind: 'command',
    command: args.command,
    load: args.load === undefined ? null : splitArgs(args.load),
  };
}
