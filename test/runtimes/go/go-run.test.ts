import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { isRssdoctorError } from '../../../src/errors.js';
import { isGoRun, planGoRun } from '../../../src/runtimes/go/go-run.js';

test('go-run: only `go run …` is rewritten', () => {
  assert.equal(isGoRun(['go', 'run', '.']), true);
  assert.equal(isGoRun(['/usr/lib/go-1.19/bin/go', 'run', './cmd/x']), true);
  assert.equal(isGoRun(['go', 'build', '.']), false);
  assert.equal(isGoRun(['./go', 'version']), false);
});

test('go-run: build flags, the package and the program arguments are told apart', () => {
  const plan = planGoRun([
    'go',
    'run',
    '-race',
    '-tags',
    'netgo',
    '-ldflags=-s',
    './cmd/receiver',
    '-port',
    '8080',
  ]);
  assert.deepEqual(plan.buildFlags, ['-race', '-tags', 'netgo', '-ldflags=-s']);
  assert.deepEqual(plan.packageArgs, ['./cmd/receiver']);
  assert.deepEqual(plan.programArgs, ['-port', '8080']);
  assert.equal(plan.binaryName, 'receiver');
});

test('go-run: .go files are all part of the package; the first non-.go starts the arguments', () => {
  const plan = planGoRun(['go', 'run', 'main.go', 'util.go', 'input.txt', 'x.go']);
  assert.deepEqual(plan.packageArgs, ['main.go', 'util.go']);
  assert.deepEqual(plan.programArgs, ['input.txt', 'x.go']);
  assert.equal(plan.binaryName, 'main');
  assert.equal(planGoRun(['go', 'run', '.']).binaryName, path.basename(process.cwd()));
  assert.equal(planGoRun(['go', 'run', 'example.com/tool@v1.2.3']).binaryName, 'tool');
});

test('go-run: -exec and a missing package are usage errors that say what to do', () => {
  for (const command of [
    ['go', 'run', '-exec', 'sudo', '.'],
    ['go', 'run', '-race'],
  ]) {
    assert.throws(
      () => planGoRun(command),
      (error: unknown) =>
        isRssdoctorError(error) &&
        error.code === 'usage.invalidOption' &&
        !error.message.includes('\n'),
    );
  }
});
