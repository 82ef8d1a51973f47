import type { Report } from '../report/report.js';

// The JSON reporter: the Report's serialisation, nothing more.
export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
