// The figures of one tune run, from its recording: the target's peak and steady RSS, the
// CPU time it used, its GC count, the wall time of the work, and the verdict. Pure.

import { steadyLevel } from '../analysis/series.js';
import type { BodyRecord } from '../recording/records.js';
import type { Verdict } from '../verdict/verdicts.js';

export interface RunFigures {
  peakRssBytes: number | null;
  // The median RSS of the last third of the run: where the setting leaves memory.
  steadyRssBytes: number | null;
  cpuMs: number | null;
  gcs: number;
  wallMs: number;
  units: number | null;
  cpuMsPer1000Units: number | null;
  verdict: Verdict;
}

export function runFigures(
  records: readonly BodyRecord[],
  pid: number,
  work: { wallMs: number; units: number | null; verdict: Verdict },
): RunFigures {
  const samples = records.filter((r) => r.type === 'sample' && r.pid === pid);
  const rss = samples.map((s) => (s.type === 'sample' ? s.rssBytes : 0));
  const cpu = samples.flatMap((s) =>
    s.type === 'sample' && s.cpuMs !== undefined ? [s.cpuMs] : [],
  );
  const cpuMs = cpu.length === 0 ? null : cpu[cpu.length - 1]!;
  return {
    peakRssBytes: rss.length === 0 ? null : Math.max(...rss),
    steadyRssBytes: steadyLevel(rss),
    cpuMs,
    gcs: records.filter((r) => r.type === 'gc' && r.pid === pid).length,
    wallMs: work.wallMs,
    units: work.units,
    cpuMsPer1000Units:
      cpuMs === null || work.units === null || work.units === 0
        ? null
        : (cpuMs * 1000) / work.units,
    verdict: work.verdict,
  };
}
