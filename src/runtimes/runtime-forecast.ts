// `tune --predict`: what a runtime forecasts for other settings from one observed run
// (RuntimeModule.forecast). Go's pacer is the first model (go/pacer-model.ts).

import type { BodyRecord } from '../recording/records.js';

export interface ObservedRun {
  records: readonly BodyRecord[];
  pid: number;
  steadyRssBytes: number;
  peakRssBytes: number;
  units: number | null;
}

export interface ForecastSetting {
  label: string;
  env: Record<string, string>;
}

export interface SettingForecast {
  setting: ForecastSetting;
  heapGoalBytes: number | null;
  steadyRssBytes: number | null;
  peakRssBytes: number | null;
  gcs: number | null;
  gcsPer1000Units: number | null;
  note: string | null;
}

export interface RuntimeForecast {
  // The model's inputs, as observed (bytes, counts, the observed setting), for the JSON.
  model: Record<string, number | string | null>;
  predictions: SettingForecast[];
}

export interface RuntimeForecaster {
  // The environment variables the model understands (GOGC, GOMEMLIMIT).
  names: readonly string[];
  // Why a value would not be read as meant (the runtime would refuse it or fall back), or null.
  check: (name: string, value: string) => string | null;
  // null: the run shows nothing to model (no GC of this runtime was seen).
  forecast: (run: ObservedRun, settings: readonly ForecastSetting[]) => RuntimeForecast | null;
}
