// Go for the tests: is it here, and the fixtures built once per test file into a temp dir.
// Without go the Go tests are skipped, except with CI=true, where they fail: CI installs
// golang-go, and a silent skip there would hide the whole Go side.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.js';

export const GO_FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'go');

export function goVersion(): string | null {
  const result = spawnSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

// `skip` for node:test: false when go is here, a reason otherwise (and a failure in CI).
export function goSkip(): false | string {
  if (goVersion() !== null) return false;
  assert.ok(
    process.env.CI !== 'true',
    'CI=true but `go` is not on PATH: .ci/run installs golang-go',
  );
  return 'go is not on PATH (apt-get install golang-go)';
}

export function buildGoFixtures(): string {
  const out = mkdtempSync(path.join(tmpdir(), 'rssdoctor-gofx-'));
  const result = spawnSync('go', ['build', '-o', out + path.sep, './...'], {
    cwd: GO_FIXTURES,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `go build of the fixtures failed: ${result.stderr}`);
  return out;
}
