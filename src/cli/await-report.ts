// How `run`, `demo` and `attach` end on the terminal: Ctrl-C and SIGTERM go to the handle
// (forwarded to the target, or ending the watch) until the Report comes; then the live view
// closes and the Report is written where asked (--json, --html).

import type { Report } from '../report/report.js';
import { readRecording } from '../recording/reader.js';
import type { LiveView } from './live-view.js';
import { writeHtmlReport, writeReport } from './output.js';

export async function awaitReport(
  done: Promise<Report>,
  onSignal: () => void,
  view: LiveView,
  output: { json?: string | true; html?: string },
  // Lines printed after the report (the demo's story), where the report went.
  epilogue: (report: Report) => string[] = () => [],
): Promise<Report> {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let report: Report;
  try {
    report = await done;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    view.close();
  }
  writeReport(report, output.json, epilogue(report));
  if (output.html !== undefined && report.run.recordingPath !== null) {
    writeHtmlReport(output.html, report, readRecording(report.run.recordingPath));
  }
  return report;
}
