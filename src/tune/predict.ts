// `tune --predict`: one observed run at the current setting, then the runtime's model
// (RuntimeModule.forecaster: Go's pacer) forecasts each setting. With --confirm the CLI
// then measures the same settings with tune() and shows both. Never prints.

import path from 'node:path';
import { RssdoctorError } from '../errors.js';
import { readRecording } from '../recording/reader.js';
import type { RunFigures } from './figures.js';
import { RUNTIMES } from '../runtimes/registry.js';
import type { RuntimeForecast } from '../runtimes/runtime-forecast.js';
import { tuneRun, type TuneOptions } from './tune.js';
import type { Setting } from './vary.js';

export interface PredictResult extends RuntimeForecast {
  // The observed run at the current setting, as tune measures every run.
  observed: RunFigures;
}

export const OBSERVED: Setting = { label: 'observed (current setting)', env: {} };

// The names some runtime's model understands, and its complaint about a value.
export function checkPredictSetting(name: string, value: string): string | null {
  const forecaster = RUNTIMES.find((module) => module.forecaster?.names.includes(name))?.forecaster;
  if (forecaster === undefined) {
    const known = RUNTIMES.flatMap((module) => module.forecaster?.names ?? []);
    return `--predict models ${known.join(' and ')}, not ${name}; measure ${name} with --vary`;
  }
  return forecaster.check(name, value);
}

export async function predict(
  options: Omit<TuneOptions, 'settings' | 'repeat'>,
  settings: readonly Setting[],
): Promise<PredictResult> {
  const outPath = path.join(options.outDir, 'tune-observed.ndjson');
  options.onRun?.({ setting: OBSERVED, round: 0, index: 0, total: 1 });
  const { figures, pid } = await tuneRun({ ...options, settings: [] }, OBSERVED, outPath);
  const { records } = readRecording(outPath);
  const run = {
    records,
    pid,
    steadyRssBytes: figures.steadyRssBytes ?? 0,
    peakRssBytes: figures.peakRssBytes ?? 0,
    units: figures.units,
  };
  for (const module of RUNTIMES) {
    const forecast = module.forecaster?.forecast(run, settings);
    if (forecast != null) return { ...forecast, observed: figures };
  }
  throw new RssdoctorError(
    'usage.invalidOption',
    `tune --predict: the observed run (pid ${pid}) showed no GC trace a model reads; --predict forecasts Go programs (GOGC, GOMEMLIMIT): measure other targets with --vary`,
  );
}
