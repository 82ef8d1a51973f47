// Go's forecaster for `tune --predict`: the observed run's GC records into the pacer
// model (pacer-model.ts), each setting's GOGC and GOMEMLIMIT parsed as the runtime does.

import type { GcRecord, GoFactsRecord } from '../../recording/records.js';
import type { RuntimeForecaster } from '../runtime-forecast.js';
import { pacerModel } from './pacer-model.js';
import { parseGogc, parseMemoryLimit } from './settings.js';

export const GO_FORECASTER: RuntimeForecaster = {
  names: ['GOGC', 'GOMEMLIMIT'],
  check(name, value) {
    if (name === 'GOGC' && value !== 'off' && !/^\d+$/.test(value))
      return `--predict GOGC: expected a percentage or off, got "${value}"`;
    if (name === 'GOMEMLIMIT' && value !== 'off' && parseMemoryLimit(value) === null)
      return `--predict GOMEMLIMIT: expected bytes with an optional B, KiB, MiB, GiB or TiB suffix (Go's syntax), or off, got "${value}"`;
    return null;
  },
  forecast(run, settings) {
    const gcs = run.records.filter((r): r is GcRecord => r.type === 'gc' && r.pid === run.pid);
    const facts =
      run.records.findLast((r): r is GoFactsRecord => r.type === 'go' && r.pid === run.pid) ?? null;
    const sampleMs = run.records.flatMap((r) =>
      r.type === 'sample' && r.pid === run.pid ? [r.tMs] : [],
    );
    const model = pacerModel({ ...run, gcs, facts, sampleMs });
    if (model === null) return null;
    return {
      model: {
        observedGogcPercent: model.observed.gogcPercent,
        observedMemoryLimitBytes: model.observed.memoryLimitBytes,
        observedGcs: model.observedGcs,
        liveBytes: model.liveBytes,
        rootsBytes: model.rootsBytes,
        nonHeapBytes: model.nonHeapBytes,
        allocatedBytes: model.allocatedBytes,
      },
      predictions: settings.map((setting) => ({
        setting,
        ...model.predict({
          gogcPercent:
            setting.env.GOGC === undefined
              ? model.observed.gogcPercent
              : parseGogc(setting.env.GOGC),
          memoryLimitBytes:
            setting.env.GOMEMLIMIT === undefined
              ? model.observed.memoryLimitBytes
              : parseMemoryLimit(setting.env.GOMEMLIMIT),
        }),
      })),
    };
  },
};
