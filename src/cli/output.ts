import { writeFileSync } from 'node:fs';
import { renderJson } from '../report/json.js';
import type { Report } from '../report/report.js';
import { renderTerminal } from '../report/terminal.js';

// `--json` and `--json -` both mean stdout, by the usual convention.
export function jsonToStdout(json: string | true | undefined): boolean {
  return json === true || json === '-';
}

// Sends the Report where the options say: JSON to a file or stdout, the terminal summary
// to stdout, or to stderr when stdout carries the JSON.
export function writeReport(report: Report, json: string | true | undefined): void {
  if (jsonToStdout(json)) {
    process.stdout.write(renderJson(report));
    process.stderr.write(renderTerminal(report));
    return;
  }
  if (typeof json === 'string') writeFileSync(json, renderJson(report));
  process.stdout.write(renderTerminal(report));
}
