// The HTML reporter: one self-contained file (uPlot inlined, works offline) with the
// verdict banner, the breakdown, RSS over time stacked by part, the live points with the
// trend the verdict read, GC and probe markers, where the live heap grew (html-sites.ts),
// advice and data-quality notes.

import type { Recording } from '../recording/reader.js';
import { formatBytes, formatSeconds } from '../format/figures.js';
import { escapeHtml, htmlPage } from './html-page.js';
import { REPORT_PAGE_SCRIPT } from './html-script.js';
import type { Report } from '../report/report.js';
import { viewData } from './view-data.js';
import { sitesSection } from './html-sites.js';
import { projectionView } from './projection-view.js';
import { runtimeModule } from '../runtimes/registry.js';

export function renderHtml(report: Report, recording: Recording): string {
  const view = viewData(recording, report);
  const projection = projectionView(report, view);
  const who = report.pid === null ? 'no process' : `pid ${report.pid}`;
  const top = report.processes.find((process) => process.pid === report.pid);
  const body = [
    `<div class="banner v-${report.verdict}"><h1>${escapeHtml(report.verdict)} — confidence ${report.confidence.toFixed(2)}</h1>`,
    `<div>${escapeHtml(`${who}${top?.name ? ` ${top.name}` : ''} [${report.runtime}] · ${recording.header.command.join(' ')}`)}</div>`,
    `<ul class="why">${report.reasons.map((reason) => `<li>${escapeHtml(reason.text)}</li>`).join('')}</ul></div>`,
    '<h2>Memory</h2><div id="plot-memory" class="plot"></div>',
    view.markers.length > 0 && view.memory.t.length > 1
      ? '<div id="plot-markers" class="plot"></div>'
      : '',
    view.samples === 0 ? '<p class="muted">no samples</p>' : '',
    `<p class="muted">${view.samples} samples${view.samples > view.memory.t.length ? `, ${view.memory.t.length} drawn (largest-triangle-three-buckets)` : ''}. ${escapeHtml(liveDefinition(report))}</p>`,
    '<h2>Live data</h2><div id="plot-live" class="plot"></div>',
    view.live.t.length > 1
      ? ''
      : '<p class="muted">no live points: no runtime source measured live data for this process</p>',
    projection === null
      ? ''
      : `<h2>Projection</h2><p>${escapeHtml(`At ${projection.text.replace(/^at /, '')}`)}</p><div id="plot-projection" class="plot"></div>`,
    sitesSection(report),
    '<h2>Where the bytes are (at the end)</h2>',
    breakdownTable(report),
    report.probeRelease === undefined
      ? ''
      : `<p>Release probe: ${escapeHtml(report.probeRelease.text)}</p>`,
    list(
      'What to do',
      report.advice.map((advice) => advice.text),
    ),
    list(
      'Data quality',
      report.dataQuality.map((note) => note.text),
    ),
    `<p class="muted">${escapeHtml(runLine(report))}</p>`,
  ].join('\n');
  return htmlPage({
    title: `rssdoctor: ${report.verdict} — ${recording.header.command.join(' ')}`,
    body,
    data: { view, projection },
    script: REPORT_PAGE_SCRIPT,
  });
}

function breakdownTable(report: Report): string {
  const { rssBytes, swapBytes, parts } = report.breakdown;
  if (rssBytes === null) return '<p class="muted">no sample</p>';
  const rows = Object.entries(parts).map(([name, part]) => {
    const value =
      part.bytes === null
        ? `<span class="muted">unknown: ${escapeHtml(part.why ?? '')}</span>`
        : `${part.kind === 'upperBound' ? '≤ ' : ''}${formatBytes(part.bytes)}`;
    const share = part.bytes === null ? '' : `${((part.bytes / rssBytes) * 100).toFixed(0)}%`;
    const what = part.bytes !== null && part.why !== undefined ? escapeHtml(part.why) : '';
    return `<tr class="${part.within === 'anon' ? 'within' : ''}"><td>${escapeHtml(name)}</td><td>${value}</td><td>${share}</td><td class="what">${what}</td></tr>`;
  });
  return `<table><tr><th>RSS</th><th>${formatBytes(rssBytes)}</th><th>swap ${swapBytes === null ? '?' : formatBytes(swapBytes)}</th></tr>${rows.join('')}</table>`;
}

// One definition of "live" on the page: the charts' live data is what the verdict reads;
// the breakdown's liveHeap says what it holds in its own row when that differs.
function liveDefinition(report: Report): string {
  const words = runtimeModule(report.runtime)?.words;
  return words === undefined
    ? 'No runtime source: live data is not known, only RSS and its parts.'
    : `Live data on these charts: ${words.live}, measured at each full GC; between GCs the memory chart holds the last value.`;
}

function list(title: string, items: string[]): string {
  if (items.length === 0) return '';
  return `<h2>${escapeHtml(title)}</h2><ul class="plain">${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

function runLine(report: Report): string {
  const run = report.run;
  return `run: ${formatSeconds(run.durationMs)}, ${run.samples} samples, ${run.livePoints} live points, ${run.forcedGcs} forced GCs${run.recordingPath === null ? '' : `; recording ${run.recordingPath}`}`;
}
