// Safe by default, checked on a real run: the private run directory 0700 and the agent's
// socket 0600 in it, another user refused at the socket, every file rssdoctor writes
// 0600, no network listener unless asked, and a command's arguments passed as an array
// (no shell ever sees them).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { listeningSockets } from '../../src/sources/proc-listen.js';
import { spawnCli } from '../support/cli.js';
import { fixturePath } from '../support/paths.js';

const HOSTILE = [
  'a b',
  '; touch /tmp/rssdoctor-pwned',
  '$(id)',
  '`id`',
  "'quoted'",
  '"dq"',
  '&&',
  '|',
];

test('security: run directory 0700, agent socket 0600, another uid refused, files 0600, no listener, arguments unchanged', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-sec-'));
  const files = { out: 'r.ndjson', json: 'r.json', html: 'r.html' };
  const at = (name: string): string => path.join(dir, name);
  const cli = spawnCli([
    'run',
    '--duration',
    '4',
    '--out',
    at(files.out),
    '--json',
    at(files.json),
    '--html',
    at(files.html),
    '--',
    process.execPath,
    fixturePath('print-args.mjs'),
    ...HOSTILE,
  ]);
  const pid = await cli.readyPid;
  const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
  const socketPath = environ
    .find((entry) => entry.startsWith('RSSDOCTOR_AGENT_SOCKET='))!
    .split('=')[1]!;
  assert.equal(statSync(path.dirname(socketPath)).mode & 0o777, 0o700);
  assert.equal(statSync(socketPath).mode & 0o777, 0o600);
  assert.ok(statSync(socketPath).isSocket());
  // No TCP listener in rssdoctor without --metrics.
  assert.deepEqual(listeningSockets(cli.child.pid!), []);
  // A second user cannot connect (only where this test may switch users).
  if (process.getuid?.() === 0) {
    const other = spawnSync(
      process.execPath,
      [
        '-e',
        `require('node:net').connect(process.argv[1]).on('connect', () => { console.log('connected'); process.exit(0); }).on('error', (e) => { console.log(e.code); process.exit(0); })`,
        socketPath,
      ],
      { uid: 65534, gid: 65534, encoding: 'utf8', timeout: 10_000 },
    );
    assert.equal(other.stdout.trim(), 'EACCES', other.stderr);
  }
  const result = await cli.done;
  assert.equal(result.code, 0, result.stderr);
  // The arguments arrived as written: no shell split, expanded or ran any of them.
  assert.ok(result.stdout.includes(JSON.stringify(HOSTILE)), result.stdout);
  assert.throws(() => statSync('/tmp/rssdoctor-pwned'));
  for (const name of Object.values(files)) {
    assert.equal(statSync(at(name)).mode & 0o777, 0o600, name);
  }
});
