// Prometheus for the tests: Debian's prometheus and promtool. Skipped without them, except
// with CI=true, where .ci/run installs them and a missing one fails.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

export function toolSkip(tool: 'prometheus' | 'promtool'): false | string {
  if (spawnSync(tool, ['--version']).status === 0) return false;
  assert.ok(
    process.env.CI !== 'true',
    `CI=true but \`${tool}\` is not on PATH: .ci/run installs prometheus`,
  );
  return `${tool} is not on PATH (apt-get install prometheus)`;
}
