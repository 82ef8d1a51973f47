// bin/rssdoctor.js run as a command goes through its shell line: `run` and `attach` get
// Node's memory flags, other commands none, and every argument arrives as written (the
// line passes "$@", never a string built from them).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { runCli, spawnCli } from '../support/cli.js';
import { binPath, fixturePath } from '../support/paths.js';

const HOSTILE = ['a b', '; touch /tmp/rssdoctor-pwned', '$(id)', '"quoted" \\ *'];

test('the command: run gets the memory flags, the arguments arrive unchanged', async () => {
  const cli = spawnCli(
    [
      'run',
      '--no-live',
      '--duration',
      '3',
      '--',
      process.execPath,
      fixturePath('print-args.mjs'),
      ...HOSTILE,
    ],
    { command: binPath },
  );
  await cli.readyPid;
  // The shell exec'd Node: the same process, now Node with the flags before the script.
  const argv = readFileSync(`/proc/${cli.child.pid}/cmdline`, 'utf8').split('\0');
  const script = argv.indexOf(binPath);
  assert.ok(script > 0, argv.join(' '));
  assert.deepEqual(argv.slice(1, script), ['--max-semi-space-size=1', '--optimize-for-size']);
  assert.deepEqual(argv.slice(script + 1, script + 2), ['run']);
  const result = await cli.done;
  assert.equal(result.code, 0, result.stderr);
  assert.ok(result.stdout.includes(JSON.stringify(HOSTILE)), result.stdout);
});

test('the command: another command answers as usual through the same line', async () => {
  const version = await runCli(['--version'], { command: binPath });
  assert.equal(version.code, 0, version.stderr);
  assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  const missing = await runCli(['report', '/nonexistent/rec.ndjson'], { command: binPath });
  assert.equal(missing.code, 3);
  assert.match(missing.stderr, /^rssdoctor: .*rec\.ndjson/);
});
