// watch()'s texts in its own words: a short recording gives the remedies that name CLI
// options (too few samples, no stacks without --deep), and none of them is left after
// inLibraryWords.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { inLibraryWords } from '../../src/in-process/library-words.js';
import { parseRecording } from '../../src/recording/reader.js';
import { buildReport } from '../../src/report/build.js';
import { REMEDIES } from '../../src/verdict/remedy.js';
import { repoRoot } from '../support/paths.js';

const CLI_OPTION = /(^|\s|\()--[a-z]/;

test('library words: a CLI remedy in any text of the Report is said with watch() options', () => {
  const lines = readFileSync(
    path.join(repoRoot, 'test', 'fixtures', 'recordings', 'node-leak.ndjson'),
    'utf8',
  ).split('\n');
  // The header and a few seconds: too few samples for any verdict.
  const report = buildReport(parseRecording(lines.slice(0, 12).join('\n') + '\n'), {
    recordingPath: null,
  });
  const before = JSON.stringify(report);
  assert.equal(report.reasons[0]?.code, 'too-few-samples');
  assert.match(before, CLI_OPTION);
  const after = JSON.stringify(inLibraryWords(report));
  assert.doesNotMatch(after, CLI_OPTION);
  assert.ok(after.includes(REMEDIES.longerForSamples.library));
  // Only the texts changed: the same shape and figures.
  assert.equal(after.length - before.length, lengthChange(before));
});

test('library words: no library remedy names a CLI option', () => {
  for (const [name, remedy] of Object.entries(REMEDIES)) {
    assert.doesNotMatch(remedy.library, CLI_OPTION, name);
    assert.match(remedy.cli, CLI_OPTION, `${name}: a CLI remedy names its option`);
  }
});

function lengthChange(text: string): number {
  let change = 0;
  for (const { cli, library } of Object.values(REMEDIES))
    change +=
      text.split(cli).length > 1 ? (text.split(cli).length - 1) * (library.length - cli.length) : 0;
  return change;
}
