// How a site of the live-heap growth is named to people, in the terminal and the HTML.

import type { Attribution, AttributionSite } from '../report/report.js';

export const METHOD_NAMES: Record<NonNullable<Attribution['method']>, string> = {
  'v8-sampling-heap-profile': 'V8 sampling heap profile',
  'go-heap-profile': 'Go heap profile',
  'jvm-class-histogram': 'class histogram',
};

// A class, or `function  file:line` (file URLs as plain paths).
export function siteName(site: AttributionSite): string {
  if (site.className !== undefined) return site.className;
  return `${site.function ?? '?'}${siteWhere(site) === '' ? '' : `  ${siteWhere(site)}`}`;
}

export function siteWhere(site: AttributionSite): string {
  const file = site.file?.replace(/^file:\/\//, '') ?? null;
  if (file === null) return '';
  return `${file}${site.line === null ? '' : `:${site.line}`}`;
}
