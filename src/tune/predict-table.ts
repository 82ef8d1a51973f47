// `tune --predict` as a terminal table: the forecast per setting, and with --confirm the
// measured medians beside it with the forecast's error. Pure: returns the text.

import { alignedTable } from './aligned-table.js';
import type { SettingSummary } from './summary.js';
import type { PredictResult } from './predict.js';

const MIB = 1024 * 1024;
const mib = (n: number | null): string => (n === null ? 'n/a' : (n / MIB).toFixed(1));
const per = (n: number | null): string => (n === null ? 'n/a' : n.toFixed(n < 1 ? 2 : 1));

export function renderPredictTable(
  result: PredictResult,
  measured: readonly SettingSummary[] | null,
): string {
  const header = ['setting', 'heap goal MiB', 'steady RSS MiB', 'peak RSS MiB', 'GCs/1000'];
  if (measured !== null) header.push('measured steady', 'error');
  const rows = result.predictions.map((p) => {
    const row = [
      p.setting.label,
      mib(p.heapGoalBytes),
      mib(p.steadyRssBytes),
      mib(p.peakRssBytes),
      per(p.gcsPer1000Units),
    ];
    if (measured !== null) {
      const seen = measured.find((s) => s.setting.label === p.setting.label)?.steadyRssBytes.median;
      row.push(mib(seen ?? null), forecastError(p.steadyRssBytes, seen ?? null));
    }
    return row;
  });
  const model = result.model;
  const notes = result.predictions.flatMap((p) =>
    p.note === null ? [] : [`${p.setting.label}: ${p.note}`],
  );
  return (
    alignedTable(header, rows) +
    `\n\nforecast by Go's pacer from one observed run (GOGC=${model.observedGogcPercent ?? 'off'}, ` +
    `live heap ${mib(model.liveBytes as number)} MiB, steady RSS ${mib(result.observed.steadyRssBytes)} MiB, ` +
    `${model.observedGcs} GCs)` +
    (measured === null ? '; --confirm measures them' : '; measured: median over the repeats') +
    '.\n' +
    notes.map((note) => `${note}\n`).join('')
  );
}

function forecastError(forecast: number | null, seen: number | null): string {
  if (forecast === null || seen === null || seen === 0) return 'n/a';
  const percent = ((forecast - seen) / seen) * 100;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(0)}%`;
}
