import { writeFileSync } from 'node:fs';
import type { Recording } from '../recording/reader.js';
import { renderHtml } from '../render/html.js';
import { renderJson } from '../render/json.js';
import type { Report } from '../report/report.js';
import { renderTerminal } from '../render/terminal.js';
import { fitToWidth } from '../render/fit-width.js';

// `--json` and `--json -` both mean stdout, by the usual convention.
export function jsonToStdout(json: string | true | undefined): boolean {
  return json === true || json === '-';
}

// Sends the Report where the options say: JSON to a file or stdout, the terminal summary
// to stdout, or to stderr when stdout carries the JSON.
export function writeReport(
  report: Report,
  json: string | true | undefined,
  epilogue: readonly string[] = [],
): void {
  const text = renderTerminal(report) + (epilogue.length === 0 ? '' : `\n${epilogue.join('\n')}\n`);
  const stream = jsonToStdout(json) ? process.stderr : process.stdout;
  if (jsonToStdout(json)) process.stdout.write(renderJson(report));
  else if (typeof json === 'string') writeFileSync(json, renderJson(report), { mode: 0o600 });
  stream.write(fitToWidth(text, terminalColumns(stream)));
}

// A terminal's width, or none for a pipe or a file (whose lines then stay whole).
export function terminalColumns(stream: NodeJS.WriteStream): number | undefined {
  return stream.isTTY === true ? stream.columns : undefined;
}

// The HTML report, owner-readable only, like the recording it is drawn from.
export function writeHtmlReport(file: string, report: Report, recording: Recording): void {
  writeFileSync(file, renderHtml(report, recording), { mode: 0o600 });
}

// rssdoctor's own lines, broken to fit a narrow terminal (a pipe keeps them whole).
export const forStderr = (text: string): string =>
  fitToWidth(text, terminalColumns(process.stderr));
export const forStdout = (text: string): string =>
  fitToWidth(text, terminalColumns(process.stdout));
