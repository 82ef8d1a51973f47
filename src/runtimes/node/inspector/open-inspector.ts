// Finds a Node process's inspector, opening it with SIGUSR1 when it is closed: the same
// signal `node inspect -p PID` sends. Node then listens where it was told at start
// (--inspect-port, default 127.0.0.1:9229); rssdoctor finds the port among the process's
// own listening sockets and asks it for its WebSocket URL (GET /json/list).
//
// SIGUSR1 kills a process that does not catch it (Node with --disable-sigusr1 or built
// without the inspector): the signal mask is read first, and such a process is refused.

import { setTimeout as delay } from 'node:timers/promises';
import { httpGet } from '../../../sources/http-get.js';
import { listeningSockets, parseProcNetTcp } from '../../../sources/proc-listen.js';
import { catchesSignal, SIGUSR1_NUMBER } from '../../../sources/proc-signals.js';
import { readProcFile } from '../../../sources/proc-read.js';

export const INSPECTOR_OPEN_WAIT_MS = 5_000;
const DEFAULT_INSPECTOR_PORT = 9229;
const POLL_MS = 100;

export interface InspectorEndpoint {
  host: string;
  port: number;
  webSocketUrl: string;
  // rssdoctor opened it (and closes it again); false: it was open before.
  openedByUs: boolean;
}

export async function openInspector(pid: number): Promise<InspectorEndpoint> {
  const already = await findInspector(pid);
  if (already !== null) return { ...already, openedByUs: false };
  const caught = catchesSignal(pid, SIGUSR1_NUMBER);
  if (caught !== true) {
    throw new Error(
      caught === null
        ? `its signal mask could not be read, so SIGUSR1 was not sent`
        : `it does not handle SIGUSR1 (started with --disable-sigusr1, or a Node without the inspector), and SIGUSR1 would kill it: restart it with --inspect=127.0.0.1:0 to watch its heap`,
    );
  }
  process.kill(pid, 'SIGUSR1');
  const deadline = Date.now() + INSPECTOR_OPEN_WAIT_MS;
  while (Date.now() < deadline) {
    await delay(POLL_MS);
    const found = await findInspector(pid);
    if (found !== null) return { ...found, openedByUs: true };
  }
  throw new Error(whyNotOpened(pid));
}

async function findInspector(pid: number): Promise<Omit<InspectorEndpoint, 'openedByUs'> | null> {
  for (const socket of listeningSockets(pid)) {
    const host =
      socket.address === '0.0.0.0' || socket.address.startsWith('0:')
        ? '127.0.0.1'
        : socket.address;
    if (host.includes(':')) continue;
    const url = await webSocketUrl(host, socket.port);
    if (url !== null) return { host: socket.address, port: socket.port, webSocketUrl: url };
  }
  return null;
}

// The inspector answers GET /json/list with its targets; anything else is not it.
async function webSocketUrl(host: string, port: number): Promise<string | null> {
  try {
    const body = await httpGet(`http://${host}:${port}/json/list`, 1_000, 64 * 1024);
    const list = JSON.parse(body) as { webSocketDebuggerUrl?: string }[];
    return list.find((entry) => entry.webSocketDebuggerUrl)?.webSocketDebuggerUrl ?? null;
  } catch {
    return null;
  }
}

// Node prints why on the target's own stderr, which rssdoctor does not see: guess the
// usual cause, the default port taken by another process.
function whyNotOpened(pid: number): string {
  const tcp = readProcFile(`/proc/${pid}/net/tcp`);
  const taken =
    tcp.ok && parseProcNetTcp(tcp.text).some((socket) => socket.port === DEFAULT_INSPECTOR_PORT);
  return taken
    ? `its inspector did not open: port ${DEFAULT_INSPECTOR_PORT} is taken by another process; free it, or start the target with --inspect-port=<a free port>`
    : `its inspector did not open within ${INSPECTOR_OPEN_WAIT_MS / 1000} s of SIGUSR1 (Node prints the reason on the target's own stderr)`;
}
