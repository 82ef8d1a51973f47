import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { renderCliDoc } from '../../src/cli/cli-doc.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { runCli } from '../support/cli.js';
import { repoRoot } from '../support/paths.js';

test('cli doc: docs/cli.md is generated from the command specs (npm run docs:cli)', () => {
  assert.equal(readFileSync(path.join(repoRoot, 'docs', 'cli.md'), 'utf8'), renderCliDoc());
});

test('cli help: every option of every command shows in --help', async () => {
  for (const command of COMMANDS) {
    const result = await runCli([command.name, '--help']);
    assert.equal(result.code, 0);
    for (const option of command.options)
      assert.ok(result.stdout.includes(option.flags), `${command.name} ${option.flags}`);
  }
});
