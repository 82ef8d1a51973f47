// The tune matrix as a terminal table: one row per setting, each figure as its median and
// (min–max) over the repeats, and the marks: M best for memory, C best for CPU, * not
// beaten on both. Pure: returns the text.

import { alignedTable } from './aligned-table.js';
import type { Spread } from './summary.js';
import type { TuneResult } from './tune.js';

const MIB = 1024 * 1024;

function cell(s: Spread, format: (n: number) => string): string {
  if (s.median === null) return 'n/a';
  const low = format(s.min!);
  const high = format(s.max!);
  return low === high ? format(s.median) : `${format(s.median)} (${low}–${high})`;
}

const mib = (n: number): string => (n / MIB).toFixed(1);
const ms = (n: number): string => n.toFixed(0);
const count = (n: number): string => n.toFixed(0);
const seconds = (n: number): string => (n / 1000).toFixed(1);

export function renderTuneTable(result: TuneResult): string {
  const cpuHeader =
    result.unit === 'message'
      ? 'CPU ms/1000 msgs'
      : result.unit === 'unit'
        ? 'CPU ms/1000 units'
        : 'CPU ms/run';
  const header = [
    'setting',
    'peak RSS MiB',
    'steady RSS MiB',
    cpuHeader,
    'GCs',
    'wall s',
    'verdicts',
    '',
  ];
  const rows = result.settings.map((s) => [
    s.setting.label,
    cell(s.peakRssBytes, mib),
    cell(s.steadyRssBytes, mib),
    cell(result.unit === null ? s.cpuMs : s.cpuMsPer1000Units, ms),
    cell(s.gcs, count),
    cell(s.wallMs, seconds),
    [...new Set(s.verdicts)].join(','),
    `${s.bestMemory ? 'M' : ''}${s.bestCpu ? 'C' : ''}${s.pareto ? '*' : ''}`,
  ]);
  return (
    alignedTable(header, rows) +
    `\n\nmedian (min–max) over ${result.repeat} interleaved run(s) per setting` +
    `${result.interrupted ? ' (interrupted: only the runs that finished)' : ''}. ` +
    'M: least steady RSS. C: least CPU. *: no other setting is better on both.\n'
  );
}
