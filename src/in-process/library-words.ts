// watch() builds its Report with the CLI's code, whose remedies name CLI options
// (verdict/remedy.ts). A program calling watch() has no --duration: each remedy is said
// again with watch()'s own options. Every string in the Report is visited, so a remedy in
// a process's reasons, the attribution or the breakdown is covered as well as the top one.

import type { Report } from '../report/report.js';
import { REMEDIES } from '../verdict/remedy.js';

const PAIRS = Object.values(REMEDIES);

export function inLibraryWords(report: Report): Report {
  return reword(report) as Report;
}

function reword(value: unknown): unknown {
  if (typeof value === 'string') {
    let text = value;
    for (const { cli, library } of PAIRS) text = text.replaceAll(cli, library);
    return text;
  }
  if (Array.isArray(value)) return value.map(reword);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = reword(inner);
    return out;
  }
  return value;
}
