// Runs the built CLI binary as a real child process.

import { spawn, type ChildProcess } from 'node:child_process';
import { binPath } from './paths.js';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  child: ChildProcess;
  // Resolves with the PID a fixture printed as `ready <pid>` on (rssdoctor's) stdout or stderr.
  readyPid: Promise<number>;
  done: Promise<CliResult>;
}

export function spawnCli(
  args: readonly string[],
  options: {
    timeoutMs?: number;
    cwd?: string;
    readyPattern?: RegExp;
    env?: NodeJS.ProcessEnv;
    // Another rssdoctor executable (an installed package's) instead of this checkout's.
    command?: string;
  } = {},
): CliProcess {
  const [file, argv] =
    options.command === undefined
      ? [process.execPath, [binPath, ...args]]
      : [options.command, [...args]];
  const child = spawn(file, argv, {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: options.cwd,
    env: options.env ?? process.env,
  });
  let stdout = '';
  let stderr = '';
  let resolveReady: (pid: number) => void = () => {};
  const readyPid = new Promise<number>((resolve) => (resolveReady = resolve));
  const scan = (): void => {
    const match = (options.readyPattern ?? /^ready (\d+)$/m).exec(stdout + '\n' + stderr);
    if (match !== null) resolveReady(Number(match[1]));
  };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    scan();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    scan();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, readyPid, done };
}

export function runCli(
  args: readonly string[],
  options: { timeoutMs?: number; cwd?: string; env?: NodeJS.ProcessEnv; command?: string } = {},
): Promise<CliResult> {
  return spawnCli(args, options).done;
}
