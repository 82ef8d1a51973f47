// rssdoctor's in-process agent for Node targets, loaded with NODE_OPTIONS=--require.
// It runs in every isolate (the main thread and each worker thread, since Node 20 runs a
// --require preload in workers too). Each isolate watches its own GCs and heap; workers
// report through the main thread over a BroadcastChannel, and only the main thread holds
// the socket and does process-wide work (malloc figures, malloc_trim).
// It never keeps the process alive (every handle is unref'd) and never throws into the
// target: if rssdoctor goes away, the target goes on as if the agent were not there.

import { readFileSync } from 'node:fs';
import * as workerThreads from 'node:worker_threads';
import {
  probeIsolate,
  BOUND_SLACK_TOTAL_BYTES,
  IDLE_WAIT_MAX_MS,
  type ProbeRequest,
} from './probe-isolate.cjs';
import { GcWatch } from './gc-watch.cjs';
import { heapFigures } from './heap-figures.cjs';
import { loadMalloc } from './malloc.cjs';
import { heapSampler, type HeapSampler } from './heap-sampler.cjs';
import { lineSplitter } from '../../../sources/ndjson-lines.cjs';
import {
  INTERVAL_ENV,
  MALLOC_EVERY_ENV,
  SAMPLING_ENV,
  SOCKET_ENV,
  type AgentMessage,
  type ControlMessage,
  type HeapMessage,
  type SitesMessage,
} from '../../../sources/agent-protocol.cjs';

type Relay =
  | AgentMessage
  // A probe, for one isolate at a time (never several paused at once).
  | ({ t: 'gc-request'; id: number; threadId: number } & ProbeRequest)
  | { t: 'gc-done'; id: number; threadId: number }
  // rssdoctor went away: the workers stop their sampling too.
  | { t: 'stop' };

// This isolate's profile, for attribution: the sampler starts at the first request (that
// profile is empty), and never without the interval rssdoctor sets.
type SitesNow = () => SitesMessage | null;

const socketPath = process.env[SOCKET_ENV];
if (socketPath !== undefined && socketPath !== '') {
  try {
    start(socketPath);
  } catch {
    // The agent must never break the target.
  }
}

function start(path: string): void {
  const pid = process.pid;
  const threadId = workerThreads.threadId;
  const intervalMs = Number(process.env[INTERVAL_ENV]) || 1000;
  const watch = new GcWatch(pid, threadId);
  const channel = new workerThreads.BroadcastChannel(`rssdoctor-agent-${pid}`);
  channel.unref();
  const heap = (): HeapMessage => ({ t: 'heap', pid, threadId, ...heapFigures() });
  const samplingBytes = Number(process.env[SAMPLING_ENV]) || 0;
  // undefined: not started yet; null: it could not start (not tried again).
  let sampler: HeapSampler | null | undefined;
  const sites: SitesNow = () => {
    if (samplingBytes <= 0) return null;
    if (sampler === undefined) sampler = heapSampler(samplingBytes);
    const profile = sampler?.profile() ?? null;
    if (profile === null) return null;
    return { t: 'sites', pid, threadId, ...profile.sites, pauseMs: profile.pauseMs };
  };
  const stopSites = (): void => sampler?.stop();
  const isolate = { watch, channel, heap, sites, stopSites };
  if (workerThreads.isMainThread) mainThread(path, pid, intervalMs, isolate);
  else workerThread(pid, threadId, intervalMs, isolate);
}

interface Isolate {
  watch: GcWatch;
  channel: workerThreads.BroadcastChannel;
  heap: () => HeapMessage;
  sites: SitesNow;
  stopSites: () => void;
}

function workerThread(
  pid: number,
  threadId: number,
  intervalMs: number,
  { watch, channel, heap, sites, stopSites }: Isolate,
): void {
  const post = (message: Relay): void => {
    try {
      channel.postMessage(message);
    } catch {
      // channel closed while the worker exits
    }
  };
  post({ t: 'isolate', pid, threadId, event: 'start' });
  const tick = (): void => {
    for (const message of watch.drain()) post(message);
    post(heap());
  };
  setInterval(tick, intervalMs).unref();
  channel.onmessage = (event: unknown) => {
    const message = (event as { data: Relay }).data;
    if (message.t === 'stop') stopSites();
    if (message.t !== 'gc-request' || message.threadId !== threadId) return;
    void probeIsolate({ watch, heap, sites }, message, post).then(() =>
      post({ t: 'gc-done', id: message.id, threadId }),
    );
  };
  process.on('exit', () => post({ t: 'isolate', pid, threadId, event: 'exit' }));
}

function mainThread(
  path: string,
  pid: number,
  intervalMs: number,
  { watch, channel, heap, sites, stopSites }: Isolate,
): void {
  // Only the main thread talks to rssdoctor: the workers never load the socket module.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const net = require('node:net') as typeof import('node:net');
  const malloc = loadMalloc();
  const workers = new Set<number>();
  const acks = new Map<number, { done: () => void }>();
  const socket = net.createConnection(path);
  socket.unref();
  let open = false;
  const send = (message: AgentMessage): void => {
    if (open && socket.writable) socket.write(JSON.stringify(message) + '\n');
  };
  const timers: NodeJS.Timeout[] = [];
  const stop = (): void => {
    open = false;
    for (const timer of timers) clearInterval(timer);
    stopSites();
    try {
      channel.postMessage({ t: 'stop' } satisfies Relay);
    } catch {
      // the channel is closed
    }
    channel.onmessage = () => {};
  };
  socket.on('error', stop);
  socket.on('close', stop);
  socket.on('connect', () => {
    open = true;
    send({
      t: 'hello',
      pid,
      ppid: process.ppid,
      // The program's own words, as people type them: the script and its arguments.
      argv: process.argv.slice(1),
      runtime: 'node',
      runtimeVersion: process.version,
      mallocAvailable: malloc.available,
      ...(malloc.why === undefined ? {} : { mallocWhy: malloc.why }),
    });
    sendMalloc();
  });
  const sendMalloc = (): void => {
    const figures = malloc.info();
    if (figures !== null) send({ t: 'malloc', pid, ...figures });
  };
  const tick = (): void => {
    for (const message of watch.drain()) send(message);
    send(heap());
  };
  timers.push(setInterval(tick, intervalMs).unref());
  timers.push(setInterval(sendMalloc, Number(process.env[MALLOC_EVERY_ENV]) || 10_000).unref());

  channel.onmessage = (event: unknown) => {
    const message = (event as { data: Relay }).data;
    if (message.t === 'gc-done') {
      acks.get(message.id)?.done();
      return;
    }
    if (message.t === 'gc-request' || message.t === 'stop') return;
    if (message.t === 'isolate') {
      if (message.event === 'start') workers.add(message.threadId);
      else workers.delete(message.threadId);
    }
    send(message);
  };

  socket.setEncoding('utf8');
  socket.on(
    'data',
    lineSplitter((line) => {
      try {
        void control(JSON.parse(line) as ControlMessage);
      } catch {
        // a line that does not parse is not ours to act on
      }
    }),
  );

  // A forced full GC in every isolate; `release` then hands free malloc pages back.
  const control = async (message: ControlMessage): Promise<void> => {
    if (message.t !== 'control') return;
    const started = performance.now();
    if (message.action === 'figures') {
      sendMalloc();
      const durationMs = performance.now() - started;
      send({
        t: 'control-result',
        pid,
        id: message.id,
        action: 'figures',
        durationMs,
        trimmed: false,
      });
      return;
    }
    const rssBeforeBytes = readRssBytes();
    const request: ProbeRequest = {
      sites: message.sites === true,
      ...(message.freshMs === undefined
        ? {}
        : {
            freshMs: message.freshMs,
            boundSlackBytes: BOUND_SLACK_TOTAL_BYTES / (workers.size + 1),
          }),
    };
    await probeIsolate({ watch, heap, sites }, request, send);
    for (const worker of [...workers]) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, IDLE_WAIT_MAX_MS + WORKER_PROBE_MS);
        timer.unref();
        acks.set(message.id, {
          done: () => {
            clearTimeout(timer);
            resolve();
          },
        });
        channel.postMessage({ t: 'gc-request', id: message.id, threadId: worker, ...request });
      });
      acks.delete(message.id);
    }
    const trimmed = message.action === 'release' ? malloc.trim() : false;
    // Fresh allocator figures after the action: the breakdown at the end reads them.
    sendMalloc();
    send({
      t: 'control-result',
      pid,
      id: message.id,
      action: message.action,
      rssBeforeBytes,
      rssAfterBytes: readRssBytes(),
      durationMs: performance.now() - started,
      trimmed,
    });
  };
}

// A worker's forced GC and profile, past its wait for a quiet spell: a worker that has not
// answered by then is busy or exiting, and the probe goes on to the next.
const WORKER_PROBE_MS = 1000;

// Unknown (undefined, left out of the message) when it cannot be read: a 0 would make the
// release probe read every byte as given back.
function readRssBytes(): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match === null ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}
