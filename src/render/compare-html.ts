// The comparison as one self-contained HTML file: the verdict banner, each process's
// rates, difference and test, and both runs on one chart, aligned at their start.

import type { Comparison } from '../compare/comparison.js';
import type { Recording } from '../recording/reader.js';
import { renderCompareTerminal } from './compare-terminal.js';
import { COMPARE_PAGE_SCRIPT } from './compare-script.js';
import { compareRunView } from './compare-view.js';
import { escapeHtml, htmlPage } from './html-page.js';

const BANNER = {
  improved: 'v-steady',
  regressed: 'v-leak',
  unchanged: 'v-no-gc-yet',
  inconclusive: 'v-inconclusive',
} as const;

export function renderCompareHtml(
  comparison: Comparison,
  before: Recording,
  after: Recording,
): string {
  const body = [
    `<div class="banner ${BANNER[comparison.verdict]}"><h1>${escapeHtml(comparison.verdict)}</h1>`,
    `<div>${escapeHtml(comparison.text)}</div></div>`,
    '<h2>RSS, both runs from their start</h2><div id="plot-rss" class="plot"></div>',
    '<h2>Live heap after each full GC, both runs</h2><div id="plot-live" class="plot"></div>',
    '<h2>Figures</h2>',
    `<pre>${escapeHtml(renderCompareTerminal(comparison))}</pre>`,
  ].join('\n');
  return htmlPage({
    title: `rssdoctor compare: ${comparison.verdict}`,
    body,
    data: {
      before: compareRunView(before, comparison.before.pid),
      after: compareRunView(after, comparison.after.pid),
    },
    script: COMPARE_PAGE_SCRIPT,
  });
}
