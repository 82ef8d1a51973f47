// `rssdoctor compare BEFORE AFTER`: reads both, compares, writes where the options say.

import { writeFileSync } from 'node:fs';
import { readCompareInput } from '../compare/compare-input.js';
import { compareRuns } from '../compare/compare-runs.js';
import { renderCompareHtml } from '../render/compare-html.js';
import { renderCompareTerminal } from '../render/compare-terminal.js';
import { EXIT_FAIL_ON, EXIT_REPORT } from './exit-codes.js';
import { jsonToStdout } from './output.js';
import type { CompareArgs } from './program.js';

export function compareCommand(args: CompareArgs): number {
  const before = readCompareInput(args.before);
  const after = readCompareInput(args.after);
  const comparison = compareRuns(before, after);
  const json = `${JSON.stringify(comparison, null, 2)}\n`;
  const summary = renderCompareTerminal(comparison);
  if (jsonToStdout(args.json)) {
    process.stdout.write(json);
    process.stderr.write(summary);
  } else {
    if (typeof args.json === 'string') writeFileSync(args.json, json, { mode: 0o600 });
    process.stdout.write(summary);
  }
  if (args.html !== undefined) {
    writeFileSync(args.html, renderCompareHtml(comparison, before.recording, after.recording), {
      mode: 0o600,
    });
  }
  return args.failOn?.includes(comparison.verdict) ? EXIT_FAIL_ON : EXIT_REPORT;
}
