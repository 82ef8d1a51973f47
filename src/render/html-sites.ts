// The HTML report's attribution: the sites of the live-heap growth as a table, each with a
// bar of its growth (the largest site's is full width), and the sentence that says how
// much of the growth they explain or why no site is named.

import { formatBytes, formatSeconds } from '../format/figures.js';
import { METHOD_NAMES, siteWhere } from './site-name.js';
import type { Report } from '../report/report.js';
import { escapeHtml } from './html-page.js';

export function sitesSection(report: Report): string {
  const attribution = report.attribution;
  const heading = '<h2>Where the live heap grew</h2>';
  if (attribution.status === 'missing' || attribution.sites.length === 0) {
    return `${heading}<p class="muted">${escapeHtml(attribution.text)}</p>`;
  }
  const largest = attribution.sites[0]!.growthBytes;
  const rows = attribution.sites.map((site) => {
    const share =
      site.shareOfLiveGrowth === null ? '' : `${(site.shareOfLiveGrowth * 100).toFixed(0)}%`;
    const widthPercent = largest > 0 ? (site.growthBytes / largest) * 100 : 0;
    const name = site.className ?? site.function ?? '?';
    return (
      `<tr><td><span class="bar" style="width:${widthPercent.toFixed(1)}%"></span></td>` +
      `<td>${share}</td><td>${formatBytes(site.growthBytes)}</td><td>${formatBytes(site.growthBytesPerMinute)}</td>` +
      `<td class="site">${escapeHtml(name)}</td><td class="site muted">${escapeHtml(siteWhere(site))}</td></tr>`
    );
  });
  const method = METHOD_NAMES[attribution.method!];
  const span = `${formatSeconds(attribution.fromMs!)} → ${formatSeconds(attribution.toMs!)}`;
  return [
    heading,
    `<p>${escapeHtml(attribution.text)}</p>`,
    `<table class="sites"><tr><th></th><th>share</th><th>growth</th><th>per minute</th><th class="site">site</th><th class="site">where</th></tr>${rows.join('')}</table>`,
    `<p class="muted">${escapeHtml(`${method}, ${attribution.profiles} profiles, each right after a full GC; compared ${span}`)}</p>`,
  ].join('');
}
