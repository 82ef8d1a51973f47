// The package as a user gets it: `npm pack`, installed into an empty directory (its
// dependencies from the registry, or npm's cache when it has them), then the installed
// `rssdoctor` runs the demo and a `run` whose Node target loads the agent from the
// installed files. Catches a file left out of "files", a path that only works in the repo,
// and a dependency that is only a devDependency.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Report } from '../../src/report/report.js';
import { runCli } from '../support/cli.js';
import { repoRoot } from '../support/paths.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-pack-'));
let bin = '';

before(() => {
  // dist/ is built by `npm test` before the tests: --ignore-scripts keeps `prepare` from
  // rebuilding it while other test files may read it.
  const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  assert.equal(pack.status, 0, pack.stderr);
  const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
  const install = spawnSync(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--omit=dev',
      path.join(dir, filename),
    ],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_prefix: undefined } },
  );
  assert.equal(install.status, 0, install.stderr);
  bin = path.join(dir, 'node_modules', '.bin', 'rssdoctor');
  assert.ok(existsSync(bin), 'the package installs a rssdoctor command');
});

test('installed package: rssdoctor demo --duration 15 tells the story and writes its HTML', async () => {
  const result = await runCli(
    ['demo', '--duration', '15', '--no-live', '--out', path.join(dir, 'demo.ndjson')],
    {
      command: bin,
      cwd: dir,
      timeoutMs: 120_000,
    },
  );
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^verdict: [a-z-]+ \(confidence [\d.]+\)/m);
  assert.match(result.stdout, /^the story \(golang\/go#40448/m);
  const html = /^HTML report: (\S+)/m.exec(result.stdout)?.[1];
  assert.ok(html !== undefined && existsSync(path.resolve(dir, html)), result.stdout);
});

test('installed package: rssdoctor run loads the Node agent from the installed files', async () => {
  const json = path.join(dir, 'run.json');
  const result = await runCli(
    [
      'run',
      '--duration',
      '3',
      '--interval',
      '0.5',
      '--out',
      path.join(dir, 'run.ndjson'),
      '--json',
      json,
      '--',
      process.execPath,
      '-e',
      'setInterval(() => {}, 1000)',
    ],
    { command: bin, cwd: dir },
  );
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  assert.equal(report.runtime, 'node', JSON.stringify(report.dataQuality));
  assert.ok(report.run.samples >= 4);
});
