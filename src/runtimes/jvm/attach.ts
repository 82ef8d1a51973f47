// Runs a diagnostic command (`GC.run`) in a HotSpot JVM over its attach socket: what
// `jcmd PID GC.run` does, without starting a second JVM for every probe (jcmd costs
// ~0.4 s of CPU each time, and active confirmation may probe every few seconds).
//
// The protocol (HotSpot attachListener_linux.cpp, and jdk.attach's VirtualMachineImpl):
//   1. if /tmp/.java_pid<pid> (in the target's mount namespace) is missing, create
//      .attach_pid<pid> in the target's cwd and send SIGQUIT; the JVM starts its attach
//      listener and creates the socket;
//   2. connect, send "1\0jcmd\0GC.run\0\0\0" (protocol 1, command, three arguments);
//   3. read to EOF: the first line is the result code ("0" is success), then the output.

import { existsSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { catchesSignal, SIGQUIT_NUMBER } from '../../sources/proc-signals.js';

export const ATTACH_WAIT_MS = 5_000;
const POLL_MS = 50;

export interface AttachResult {
  ok: boolean;
  output: string;
  durationMs: number;
}

export async function jvmDiagnosticCommand(
  pid: number,
  command: string,
  timeoutMs = ATTACH_WAIT_MS * 2,
): Promise<AttachResult> {
  const started = Date.now();
  const socketPath = attachSocketPath(pid);
  if (!existsSync(socketPath)) await startListener(pid, socketPath);
  const output = await request(socketPath, ['1', 'jcmd', command, '', ''], timeoutMs);
  const newline = output.indexOf('\n');
  const code = newline < 0 ? output.trim() : output.slice(0, newline).trim();
  return {
    ok: code === '0',
    output: newline < 0 ? '' : output.slice(newline + 1),
    durationMs: Date.now() - started,
  };
}

function attachSocketPath(pid: number): string {
  return `/proc/${pid}/root/tmp/.java_pid${pid}`;
}

// The listener is up already: no signal is needed to talk to the JVM.
export function attachSocketOpen(pid: number): boolean {
  return existsSync(attachSocketPath(pid));
}

// SIGQUIT kills a process that is not a JVM (and a JVM started with -Xrs): it is sent
// only to a process that has libjvm mapped.
export function isHotSpot(pid: number): boolean {
  try {
    return /\/libjvm\.so$/m.test(readFileSync(`/proc/${pid}/maps`, 'latin1'));
  } catch {
    return false;
  }
}

async function startListener(pid: number, socketPath: string): Promise<void> {
  if (!isHotSpot(pid)) throw new Error(`process ${pid} is not a HotSpot JVM (no libjvm.so mapped)`);
  // A JVM started with -Xrs leaves SIGQUIT to its default action, which kills it.
  if (catchesSignal(pid, SIGQUIT_NUMBER) !== true) {
    throw new Error(`JVM ${pid} does not catch SIGQUIT (-Xrs?): sending it would kill it`);
  }
  const created = createTrigger(pid);
  try {
    process.kill(pid, 'SIGQUIT');
    const deadline = Date.now() + ATTACH_WAIT_MS;
    while (!existsSync(socketPath)) {
      // Gone: nothing will answer, and the trigger must go now.
      if (!existsSync(`/proc/${pid}`)) throw new Error(`JVM ${pid} exited while attaching`);
      if (Date.now() > deadline) {
        throw new Error(
          `JVM ${pid} opened no attach socket within ${ATTACH_WAIT_MS} ms (started with -XX:+DisableAttachMechanism or -Xrs?)`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    rmSync(created, { force: true });
  }
}

// The .attach_pid file, in the JVM's cwd (else its /tmp), named by a path that outlives the
// JVM when it shares rssdoctor's mount namespace: removed through /proc/PID/cwd after the
// JVM exited mid-attach, the file would stay behind.
function createTrigger(pid: number): string {
  const name = `.attach_pid${pid}`;
  const sameRoot = readlinkOrNull(`/proc/${pid}/root`) === '/';
  const cwd = sameRoot ? readlinkOrNull(`/proc/${pid}/cwd`) : null;
  const trigger = cwd === null ? `/proc/${pid}/cwd/${name}` : path.join(cwd, name);
  const fallback = sameRoot ? path.join('/tmp', name) : `/proc/${pid}/root/tmp/${name}`;
  try {
    writeFileSync(trigger, '', { mode: 0o600 });
    return trigger;
  } catch {
    writeFileSync(fallback, '', { mode: 0o600 });
    return fallback;
  }
}

function readlinkOrNull(link: string): string | null {
  try {
    return readlinkSync(link);
  } catch {
    return null;
  }
}

function request(socketPath: string, parts: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`JVM attach: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('connect', () => socket.write(parts.map((part) => `${part}\0`).join('')));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}
