// Builds the Go demo receiver from the shipped source with the local `go`, once per
// source and Go version, into ${XDG_CACHE_HOME:-~/.cache}/rssdoctor/go-demo-<hash>
// (DESIGN "Files and names"). The build goes to a temporary name and is renamed, so two
// demos starting at once never run a half-written binary.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RssdoctorError } from '../errors.js';
import { GO_INSTALL_HINT, goBuild } from '../runtimes/go/build.js';
import { resolveCommand } from '../target/resolve-command.js';

const SOURCE = fileURLToPath(new URL('../../go/demo-receiver.go', import.meta.url));
const HASH_CHARS = 12;

export function goDemoCacheDir(env: NodeJS.ProcessEnv, hash: string): string {
  const cache = env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(cache, 'rssdoctor', `go-demo-${hash}`);
}

export async function goDemoBinary(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const goCommand = resolveCommand('go', env);
  if (goCommand === null) {
    throw new RssdoctorError(
      'target.goNotFound',
      `the Go demo needs the go command, and it is not on PATH; ${GO_INSTALL_HINT}`,
    );
  }
  const version = spawnSync(goCommand, ['env', 'GOVERSION'], { encoding: 'utf8', env });
  const hash = createHash('sha256')
    .update(readFileSync(SOURCE))
    .update(version.stdout ?? '')
    .digest('hex')
    .slice(0, HASH_CHARS);
  const dir = goDemoCacheDir(env, hash);
  const binary = path.join(dir, 'receiver');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const partial = path.join(dir, `receiver.partial-${process.pid}`);
  await goBuild({
    goCommand,
    args: ['-o', partial, SOURCE],
    cwd: dir,
    env,
    what: 'the Go demo receiver',
  });
  renameSync(partial, binary);
  return binary;
}
