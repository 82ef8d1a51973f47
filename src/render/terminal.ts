// Renders a Report for a person at a terminal. Only renders: the CLI decides where it goes.

import { formatBytes, formatSeconds } from '../format/figures.js';
import { TOP_SITES } from '../report/attribution.js';
import type { Report } from '../report/report.js';
import { METHOD_NAMES, siteName } from './site-name.js';

export function renderTerminal(report: Report): string {
  const lines: string[] = [];
  const top = report.processes.find((process) => process.pid === report.pid);
  const who =
    report.pid === null ? 'no process' : `pid ${report.pid}${top?.name ? ` ${top.name}` : ''}`;
  lines.push(
    `verdict: ${report.verdict} (confidence ${report.confidence.toFixed(2)}) — ${who} [${report.runtime}]`,
  );
  for (const reason of report.reasons) lines.push(`  • ${reason.text}`);
  if (report.projection !== null) lines.push('', `projection: ${report.projection.text}`);
  lines.push('', ...breakdownLines(report));
  lines.push(...attributionLines(report));
  if (report.probeRelease !== undefined)
    lines.push('', `release probe: ${report.probeRelease.text}`);
  if (report.processes.length > 1) {
    lines.push(
      '',
      `process tree: ${report.processes.length} processes, Pss ${formatNullable(report.tree.pssBytes)}`,
    );
    for (const process of report.processes) {
      lines.push(
        `  ${String(process.pid).padStart(7)} ${(process.name ?? '?').padEnd(16)} ${process.verdict.padEnd(12)} ` +
          `${process.confidence.toFixed(2)}  peak RSS ${formatNullable(process.peakRssBytes)}`,
      );
    }
  }
  if (report.advice.length > 0) {
    lines.push('', 'what to do:');
    for (const advice of report.advice) lines.push(`  • ${advice.text}`);
  }
  if (report.dataQuality.length > 0) {
    lines.push('', 'data quality:');
    for (const note of report.dataQuality) lines.push(`  ! ${note.text}`);
  }
  if (report.demo !== undefined) lines.push('', demoLine(report.demo));
  lines.push('', runLine(report));
  if (report.run.recordingPath !== null) lines.push(`recording: ${report.run.recordingPath}`);
  return lines.join('\n') + '\n';
}

function breakdownLines(report: Report): string[] {
  const { rssBytes, swapBytes, parts } = report.breakdown;
  if (rssBytes === null) return ['RSS: no sample'];
  const lines = [
    `RSS ${formatBytes(rssBytes)} at the end (swap ${formatNullable(swapBytes)}, beside RSS)`,
  ];
  for (const [key, part] of Object.entries(parts)) {
    // Known parts only; an unknown one shows its reason in --json. Anon's split is indented.
    if (part.bytes === null) continue;
    const name = part.within === 'anon' ? `  ${key}` : key;
    const share = rssBytes > 0 ? `${((part.bytes / rssBytes) * 100).toFixed(0)}%` : '';
    const kind = part.kind === 'upperBound' ? '≤' : '';
    // Unexplained says why when it is all of anon (no runtime source).
    const note = key === 'unexplained' && part.why !== undefined ? `  (${part.why})` : '';
    lines.push(
      `  ${name.padEnd(15)} ${(kind + formatBytes(part.bytes)).padStart(11)} ${share.padStart(4)}${note}`,
    );
  }
  // What a known part holds, where it says (Node's liveHeap is not the verdict's live data).
  for (const [key, part] of Object.entries(parts)) {
    if (part.bytes !== null && part.why !== undefined && key !== 'unexplained')
      lines.push(`  * ${key}: ${part.why}`);
  }
  return lines;
}

const NAMES_CODE_FOR: ReadonlySet<string> = new Set(['leak', 'retention', 'native-leak']);

// The top five sites of the live-heap growth, or why none is named (for a verdict that
// asks "which code?").
function attributionLines(report: Report): string[] {
  const attribution = report.attribution;
  const sites = attribution.sites.slice(0, TOP_SITES);
  if (attribution.status === 'missing' || sites.length === 0) {
    return NAMES_CODE_FOR.has(report.verdict)
      ? ['', `where the live heap grew: ${attribution.text}`]
      : [];
  }
  const lines = ['', `where the live heap grew (${METHOD_NAMES[attribution.method!]}):`];
  lines.push(`  ${'share'.padStart(5)} ${'growth'.padStart(10)} ${'per min'.padStart(10)}  site`);
  for (const site of sites) {
    const share =
      site.shareOfLiveGrowth === null ? '' : `${(site.shareOfLiveGrowth * 100).toFixed(0)}%`;
    lines.push(
      `  ${share.padStart(5)} ${formatBytes(site.growthBytes).padStart(10)} ${formatBytes(site.growthBytesPerMinute).padStart(10)}  ${siteName(site)}`,
    );
  }
  lines.push(`  ${attribution.text}`);
  return lines;
}

function runLine(report: Report): string {
  const run = report.run;
  const how = run.timedOut
    ? 'stopped at --duration'
    : run.interrupted
      ? 'interrupted'
      : run.stopped
        ? 'stopped by the caller'
        : run.signal !== null
          ? `target killed by ${run.signal}`
          : run.exitCode !== null
            ? `target exited with code ${run.exitCode}`
            : run.truncated
              ? 'recording truncated'
              : 'ended';
  return `run: ${formatSeconds(run.durationMs)}, ${run.samples} samples, ${how}${run.truncated ? ' (truncated)' : ''}`;
}

function demoLine(demo: NonNullable<Report['demo']>): string {
  const latency =
    demo.p99LatencyMs === null ? '' : `, p99 latency ${demo.p99LatencyMs.toFixed(1)} ms`;
  const kept = demo.leak
    ? `; the receiver was told to keep all of it: ${formatBytes(demo.keptBytesPerSecond)}/s`
    : '';
  return (
    `load: ${demo.sentMessages} messages of ${demo.messageBytes} bytes over ${demo.connections} connections ` +
    `(${formatBytes(demo.sentBytesPerSecond)}/s sent, ${demo.ackedMessages} acked${latency})${kept}`
  );
}

function formatNullable(bytes: number | null): string {
  return bytes === null ? 'n/a' : formatBytes(bytes);
}
