// The demo's closing paragraph: the seed story (golang/go#40448) told with this run's own
// figures, so a newcomer reads what was found and what the fix did, not a template. Only
// renders; every figure comes from the Report. In cli/: it names the demo's runtimes.

import { formatBytes } from '../format/figures.js';
import type { Report } from '../report/report.js';

export function demoStory(report: Report): string[] {
  const demo = report.demo;
  if (demo === undefined || demo.leak) return [];
  const release = report.probeRelease;
  const given =
    release?.measured === true &&
    release.rssBeforeBytes !== null &&
    release.reclaimableBytes !== null
      ? `RSS ${formatBytes(release.rssBeforeBytes)} → ${formatBytes(release.rssBeforeBytes - release.reclaimableBytes)}`
      : null;
  if (demo.runtime === 'go') return goStory(report, given);
  return nodeStory(report, given);
}

function goStory(report: Report, given: string | null): string[] {
  const noGc = report.reasons.find((reason) => reason.code === 'no-gc-yet');
  const lines = ['the story (golang/go#40448):'];
  if (noGc === undefined) {
    lines.push(
      `  • this run did not show it: the verdict is ${report.verdict} (at --rate 5, the default, no GC runs for minutes)`,
    );
    return lines;
  }
  const rose = noGc.figures.rssRiseBytes;
  lines.push(
    `  • RSS crept up${rose !== undefined && rose > 0 ? ` ${formatBytes(rose)}` : ''} and it looked like a leak; it was not one: no GC had run at all`,
    `  • Go's first GC comes at a ${formatBytes(noGc.figures.firstTriggerBytes ?? 4 * 1024 * 1024)} heap; 5 sensors' messages make that much garbage only after minutes, and until then nothing is collected`,
  );
  lines.push(
    given === null
      ? '  • the fix (debug.FreeOSMemory(), or runtime.GC() at start-up) was not measured in this run'
      : `  • the fix, applied live (debug.FreeOSMemory() in the running receiver, on a signal): ${given}; Go's 2-minute periodic GC runs from now on`,
  );
  return lines;
}

function nodeStory(report: Report, given: string | null): string[] {
  const live = report.reasons.find((reason) => reason.figures.liveBytes !== undefined)?.figures
    .liveBytes;
  const rss = report.breakdown.rssBytes;
  const lines = [
    'the story (golang/go#40448, told for V8):',
    `  • seen from outside, RSS${rss === null ? '' : ` (${formatBytes(rss)} at the end)`} is far above what the program keeps, and it looks like a leak; V8, like Go, lets garbage pile up before it collects, and keeps freed pages for reuse`,
    `  • rssdoctor forced a full GC ${report.run.forcedGcs} times to see what is live: ${live === undefined ? `the verdict is ${report.verdict}` : `live data stayed flat at ${formatBytes(live)}, so it is ${report.verdict}, not a leak`}`,
  ];
  if (given !== null)
    lines.push(
      `  • what is held for reuse, given back live (a full GC, then malloc_trim): ${given}`,
    );
  return lines;
}
