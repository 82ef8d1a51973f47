import type { Report } from '../report/report.js';
import { formatSeconds } from '../format/figures.js';

// The one stderr line for a run that did not end by --duration: the target exited, was
// killed, or the run was interrupted. Null when there is nothing to say.
export function targetNotice(report: Report): string | null {
  const run = report.run;
  const after = formatSeconds(run.durationMs);
  const short =
    report.verdict === 'inconclusive'
      ? `; the verdict is inconclusive (${report.reasons[0]?.code ?? 'short run'})`
      : '';
  if (run.interrupted)
    return `rssdoctor: interrupted after ${after}; the report covers what was recorded${short}`;
  if (!run.targetExited) return null;
  if (run.oomKilled)
    return `rssdoctor: the target was killed by the kernel's OOM killer (SIGKILL) after ${after}${short}`;
  if (run.signal !== null)
    return `rssdoctor: the target was killed by ${run.signal} after ${after}${short}`;
  if (run.exitCode !== 0)
    return `rssdoctor: the target exited with code ${run.exitCode} after ${after}${short}`;
  if (report.verdict === 'inconclusive')
    return `rssdoctor: the target exited after ${after}${short}`;
  return null;
}
