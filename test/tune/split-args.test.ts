import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRssdoctorError } from '../../src/errors.js';
import { splitArgs } from '../../src/tune/split-args.js';

test('split-args: words, quotes and escapes, with no shell', () => {
  assert.deepEqual(splitArgs('wrk -d 30s http://127.0.0.1:8080/'), [
    'wrk',
    '-d',
    '30s',
    'http://127.0.0.1:8080/',
  ]);
  assert.deepEqual(splitArgs(`python3 -c 'print("a b")' "x \\"y\\"" z\\ w ''`), [
    'python3',
    '-c',
    'print("a b")',
    'x "y"',
    'z w',
    '',
  ]);
  // Nothing a shell would do: no expansion, no pipes.
  assert.deepEqual(splitArgs('echo $HOME | wc'), ['echo', '$HOME', '|', 'wc']);
});

test('split-args: an unclosed quote or an empty command is a usage error', () => {
  for (const bad of [`echo 'x`, '   ']) {
    assert.throws(
      () => splitArgs(bad),
      (error: unknown) => isRssdoctorError(error) && error.message.startsWith('--load'),
    );
  }
});
