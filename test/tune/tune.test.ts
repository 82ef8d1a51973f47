// `rssdoctor tune` end to end: GOGC on the Go demo must trade memory for GC work in the
// direction the Go GC guide says (lower GOGC: less RSS, more GCs), judged on the medians of
// interleaved repeats, never on absolute numbers. CPU per message is reported and marked,
// not ordered: it is a timing, and one CI run read 53.8, 34.2 and 41.5 ms per 1000 messages
// for GOGC=25, 100 and 400 (the GC counts kept their order). Also the Node demo, and a
// user's command with a load command run to completion.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TuneResult } from '../../src/tune/tune.js';
import { runCli } from '../support/cli.js';
import { goSkip } from '../support/go.js';
import { fixturePath } from '../support/paths.js';

const skip = goSkip();

function byLabel(result: TuneResult): Map<string, TuneResult['settings'][number]> {
  return new Map(result.settings.map((s) => [s.setting.label, s]));
}

test(
  'tune --demo go --vary GOGC=25|100|400: RSS falls as GOGC falls, GCs fall as GOGC rises',
  { skip },
  async () => {
    const cli = await runCli(
      [
        'tune',
        '--demo',
        'go',
        '--vary',
        'GOGC=25|100|400',
        '--repeat',
        '3',
        '--messages',
        '100000',
        '--json',
      ],
      { timeoutMs: 170_000 },
    );
    assert.equal(cli.code, 0, cli.stderr);
    const result = JSON.parse(cli.stdout) as TuneResult;
    const s = byLabel(result);
    const steady = (label: string): number => s.get(label)!.steadyRssBytes.median!;
    const cpu = (label: string): number => s.get(label)!.cpuMsPer1000Units.median!;
    assert.ok(
      steady('GOGC=25') < steady('GOGC=100') && steady('GOGC=100') < steady('GOGC=400'),
      `steady RSS ${steady('GOGC=25')} ${steady('GOGC=100')} ${steady('GOGC=400')}`,
    );
    const gcs = (label: string): number => s.get(label)!.gcs.median!;
    assert.ok(
      gcs('GOGC=25') > gcs('GOGC=100') && gcs('GOGC=100') > gcs('GOGC=400'),
      `GCs ${gcs('GOGC=25')} ${gcs('GOGC=100')} ${gcs('GOGC=400')}`,
    );
    assert.equal(s.get('GOGC=25')!.bestMemory, true);
    // The CPU mark goes to the lowest median, whichever setting that was.
    const labels = ['GOGC=25', 'GOGC=100', 'GOGC=400'];
    const cheapest = labels.reduce((a, b) => (cpu(b) < cpu(a) ? b : a));
    assert.ok(cpu(cheapest) > 0, `CPU ms/1000 msgs ${labels.map(cpu).join(' ')}`);
    assert.deepEqual(
      labels.filter((label) => s.get(label)!.bestCpu),
      [cheapest],
      `CPU ms/1000 msgs ${labels.map(cpu).join(' ')}`,
    );
    assert.ok(result.settings.every((setting) => setting.runs.length === 3));
    // The table went to stderr with the marks.
    assert.match(cli.stderr, /^GOGC=25 .* M\*?$/m);
  },
);

test('tune --demo node: NODE_OPTIONS settings side by side, in a table', async () => {
  const cli = await runCli(
    [
      'tune',
      '--demo',
      'node',
      '--vary',
      'NODE_OPTIONS=--max-semi-space-size=1|--max-semi-space-size=16',
      '--repeat',
      '2',
      '--messages',
      '20000',
    ],
    { timeoutMs: 120_000 },
  );
  assert.equal(cli.code, 0, cli.stderr);
  assert.match(
    cli.stdout,
    /^setting +peak RSS MiB +steady RSS MiB +CPU ms\/1000 msgs +GCs +wall s +verdicts/m,
  );
  assert.match(cli.stdout, /^NODE_OPTIONS=--max-semi-space-size=1 +\d/m);
  assert.match(cli.stdout, /^NODE_OPTIONS=--max-semi-space-size=16 +\d/m);
  assert.match(cli.stdout, /over 2 interleaved run\(s\) per setting/);
});

test('tune -- <command> --load: the load runs to completion each run, and its units count', async () => {
  const cli = await runCli([
    'tune',
    '--vary',
    'MALLOC_ARENA_MAX=2|8',
    '--repeat',
    '1',
    '--json',
    '-',
    '--load',
    `python3 -c 'import time; time.sleep(1.5); print("units: 3000")'`,
    '--',
    'python3',
    fixturePath('os-steady.py'),
    '20',
    '60',
  ]);
  assert.equal(cli.code, 0, cli.stderr);
  const result = JSON.parse(cli.stdout) as TuneResult;
  assert.equal(result.unit, 'unit');
  for (const setting of result.settings) {
    assert.equal(setting.runs[0]!.units, 3000);
    // The load's own duration (1.5 s), not the target's.
    assert.ok(
      setting.wallMs.median! >= 1400 && setting.wallMs.median! < 5000,
      String(setting.wallMs.median),
    );
    assert.ok(setting.cpuMsPer1000Units.median !== null);
    // The target (holding 20 MiB) was sampled for the whole load, then stopped.
    assert.ok(setting.steadyRssBytes.median! > 20 * 2 ** 20);
    assert.equal(setting.verdicts.length, 1);
  }
});

test('tune --load with a command that does not exist: one line naming it, exit 3', async () => {
  const cli = await runCli([
    'tune',
    '--vary',
    'GOGC=1|2',
    '--load',
    'no-such-load-command x',
    '--',
    'sleep',
    '30',
  ]);
  assert.equal(cli.code, 3, cli.stderr);
  const errors = cli.stderr
    .split('\n')
    .filter((line) => line.startsWith('rssdoctor: ') && !line.startsWith('rssdoctor tune:'));
  assert.deepEqual(errors, [
    'rssdoctor: --load: cannot start "no-such-load-command" (ENOENT); check the command',
  ]);
  assert.doesNotMatch(cli.stderr, /\n\s+at /, 'no stack trace');
});
