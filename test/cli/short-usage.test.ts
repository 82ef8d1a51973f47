// `rssdoctor` with no arguments: a short usage with three examples, in 80 columns, exit 0.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../support/cli.js';

test('no arguments: a short usage with three commands to try, every line within 80 columns', async () => {
  const result = await runCli([]);
  assert.equal(result.code, 0, result.stderr);
  const examples = result.stdout.split('\n').filter((line) => /^ {2}rssdoctor \w/.test(line));
  assert.deepEqual(
    examples.map((line) => line.trim().split(/\s+/)[1]),
    ['demo', 'run', 'attach'],
  );
  for (const line of result.stdout.split('\n')) assert.ok(line.length <= 80, line);
  // Short: not the full help, which lists every command.
  assert.doesNotMatch(result.stdout, /compare \[options\]/);
});
