import { writeFileSync } from 'node:fs';
import type { Recording } from '../recording/reader.js';
import { renderHtml } from '../render/html.js';
import { renderJson } from '../render/json.js';
import type { Report } from '../report/report.js';
import { renderTerminal } from '../render/terminal.js';

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
  if (typeof json === 'string') writeFileSync(json, renderJson(report), { mode: 0o600 });
  process.stdout.write(renderTerminal(report));
}

// The HTML report, owner-readable only, like the recording it is drawn from.
export function writeHtmlReport(file: string, report: Report, recording: Recording): void {
  writeFileSync(file, renderHtml(report, recording), { mode: 0o600 });
}
