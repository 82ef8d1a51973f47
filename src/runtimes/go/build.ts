// Runs `go build`: for `go run` targets and for the Go demo. The build's output goes to
// rssdoctor's stderr (it is the user's compiler output), and it runs without GODEBUG so
// that nothing traces the compiler.

import { spawn } from 'node:child_process';
import { RssdoctorError } from '../../errors.js';

export const GO_INSTALL_HINT =
  'install Go (Debian/Ubuntu: apt-get install golang-go; others: https://go.dev/doc/install) or put `go` on PATH';

export interface GoBuildOptions {
  goCommand: string;
  args: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  what: string;
}

export function goBuild(options: GoBuildOptions): Promise<void> {
  const env = { ...(options.env ?? process.env) };
  delete env.GODEBUG;
  const child = spawn(options.goCommand, ['build', ...options.args], {
    cwd: options.cwd,
    env,
    stdio: ['ignore', 2, 2],
  });
  return new Promise((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new RssdoctorError(
              'target.goNotFound',
              `"${options.goCommand}" was not found, so ${options.what} cannot be built; ${GO_INSTALL_HINT}`,
              { cause: error },
            )
          : new RssdoctorError(
              'target.buildFailed',
              `cannot start "${options.goCommand} build" (${error.code ?? error.message})`,
              { cause: error },
            ),
      );
    });
    child.once('exit', (code, signal) => {
      if (code === 0) return resolve();
      reject(
        new RssdoctorError(
          'target.buildFailed',
          `go build of ${options.what} failed (${signal ?? `exit ${code}`}); the compiler's messages are above`,
        ),
      );
    });
  });
}
