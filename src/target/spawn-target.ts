// Starts the target in its own process group (and session), so that signals reach the
// whole tree at once and the target outlives rssdoctor if rssdoctor dies. Commands are an
// argument array: nothing is ever joined into a shell string.

import { spawn, type ChildProcess } from 'node:child_process';
import { RssdoctorError } from '../errors.js';

export interface TargetExit {
  exitCode: number | null;
  signal: string | null;
}

export interface Target {
  pid: number;
  exited: Promise<TargetExit>;
  hasExited: () => boolean;
}

export interface SpawnOptions {
  command: readonly string[];
  // When the Report goes to stdout as JSON, the target's stdout goes to stderr instead, so
  // the JSON stays parseable.
  stdoutToStderr: boolean;
  // A descriptor for the target's stderr (Go: the private trace file); default inherit.
  stderrFd?: number;
  env?: NodeJS.ProcessEnv;
}

export function spawnTarget(options: SpawnOptions): Promise<Target> {
  const [file, ...args] = options.command;
  if (file === undefined || file === '') {
    return Promise.reject(
      new RssdoctorError(
        'usage.invalidOption',
        'no command given: expected `rssdoctor run [options] -- <command...>`',
      ),
    );
  }
  const child = spawn(file, args, {
    detached: true,
    stdio: ['inherit', options.stdoutToStderr ? 2 : 'inherit', options.stderrFd ?? 'inherit'],
    env: options.env ?? process.env,
  });
  return new Promise<Target>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => reject(spawnError(file, error)));
    child.once('spawn', () => resolve(targetOf(child)));
  });
}

function targetOf(child: ChildProcess): Target {
  let done = false;
  const exited = new Promise<TargetExit>((resolve) => {
    child.once('exit', (exitCode, signal) => {
      done = true;
      resolve({ exitCode, signal });
    });
  });
  return { pid: child.pid!, exited, hasExited: () => done };
}

function spawnError(file: string, error: NodeJS.ErrnoException): RssdoctorError {
  if (error.code === 'ENOENT') {
    return new RssdoctorError(
      'target.commandNotFound',
      `command not found: "${file}" is not on PATH and is not a file; check the spelling or give its full path`,
      { cause: error },
    );
  }
  return new RssdoctorError(
    'target.spawnFailed',
    `cannot start "${file}" (${error.code ?? error.message}); check that it is executable`,
    { cause: error },
  );
}
