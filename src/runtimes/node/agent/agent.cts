// rssdoctor's in-process agent for Node targets, loaded with NODE_OPTIONS=--require.
// It runs in every isolate (the main thread and each worker thread, since Node 20 runs a
// --require preload in workers too). Each isolate watches its own GCs and heap; workers
// report through the main thread over a BroadcastChannel, and only the main thread holds
// the socket and does process-wide work (malloc figures, malloc_trim).
// It never keeps the process alive (every handle is unref'd) and never throws into the
// target: if rssdoctor goes away, the target goes on as if the agent were not there.

import { readFileSync } from 'node:fs';
import * as workerThreads from 'node:worker_threads';
import type { ProbeRequest } from './probe-isolate.cjs';
import { BOUND_WINDOW_MAX_MS, GcWatch } from './gc-watch.cjs';
import { heapFigures } from './heap-figures.cjs';
import type { Malloc } from './malloc.cjs';
import type { HeapSampler } from './heap-sampler.cjs';
import {
  INTERVAL_ENV,
  SAMPLING_ENV,
  SOCKET_ENV,
  type AgentMessage,
  type ControlMessage,
  type HeapMessage,
  type SitesMessage,
} from '../../../sources/agent-protocol.cjs';

// What only a probe, a profile or the main thread uses is loaded at its first use, not at
// start: every isolate keeps the code it loads. The demo receiver's six isolates idle
// (`node bench/agent-parts.mjs 5 --load-ms 2000 --only none,loaded,shipped`): 86.5 MiB
// without the agent, 88.9 with it; the same bench on the build before, where every
// isolate loaded all of it at start, 89.7.
// A load can fail mid-run (the package removed or upgraded under a long run): it gives
// undefined and the probe or profile is skipped, never an exception in the target.
function loadedLater<T>(load: () => T): T | undefined {
  try {
    return load();
  } catch {
    return undefined;
  }
}
/* eslint-disable @typescript-eslint/no-require-imports */
const probes = (): typeof import('./probe-isolate.cjs') | undefined =>
  loadedLater(() => require('./probe-isolate.cjs') as typeof import('./probe-isolate.cjs'));
const samplerModule = (): typeof import('./heap-sampler.cjs') | undefined =>
  loadedLater(() => require('./heap-sampler.cjs') as typeof import('./heap-sampler.cjs'));
/* eslint-enable @typescript-eslint/no-require-imports */

type Relay =
  | AgentMessage
  // A probe, for one isolate at a time (never several paused at once).
  | ({ t: 'gc-request'; id: number; threadId: number } & ProbeRequest)
  // slackUsedBytes: how much of its share the worker's bound used (probe-isolate.cts).
  | { t: 'gc-done'; id: number; threadId: number; slackUsedBytes: number }
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
    let profile: ReturnType<HeapSampler['profile']>;
    if (sampler === undefined) {
      // The first profile (empty) inside too: its first call compiles what it runs.
      const started = watch.ownWork(() => {
        sampler = samplerModule()?.heapSampler(samplingBytes) ?? null;
        return sampler?.profile() ?? null;
      });
      profile = started.result && { ...started.result, pauseMs: started.pauseMs };
    } else profile = watch.unwatched(() => sampler?.profile() ?? null);
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
  watch.listen(post);
  const timer = setInterval(() => post(heap()), intervalMs).unref();
  channel.onmessage = (event: unknown) => {
    const message = (event as { data: Relay }).data;
    if (message.t === 'stop') {
      stopSites();
      watch.stop();
      clearInterval(timer);
    }
    if (message.t !== 'gc-request' || message.threadId !== threadId) return;
    const done = (slackUsedBytes: number): void =>
      post({ t: 'gc-done', id: message.id, threadId, slackUsedBytes });
    const probe = probes();
    // Without its module the probe is skipped, counted as its whole share used.
    if (probe === undefined) done(message.boundSlackBytes ?? 0);
    else void probe.probeIsolate({ watch, heap, sites }, message, post).then(done);
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
  /* eslint-disable @typescript-eslint/no-require-imports */
  const net = require('node:net') as typeof import('node:net');
  const { loadMalloc, mallocMissingWhy } = require('./malloc.cjs') as typeof import('./malloc.cjs');
  const { lineSplitter } =
    require('../../../sources/ndjson-lines.cjs') as typeof import('../../../sources/ndjson-lines.cjs');
  /* eslint-enable @typescript-eslint/no-require-imports */
  // koffi is loaded at the first control that reads the allocator (the end of the run, a
  // release), not at start: loaded at start it cost the idle demo receiver 4 MiB of RSS
  // (bench/agent-parts.mjs), and the breakdown reads its figures only at the end.
  const missingWhy = mallocMissingWhy();
  let malloc: Malloc | undefined;
  const workers = new Set<number>();
  const acks = new Map<number, { done: (slackUsedBytes: number) => void }>();
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
    watch.stop();
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
      mallocAvailable: missingWhy === undefined,
      ...(missingWhy === undefined ? {} : { mallocWhy: missingWhy }),
    });
  });
  // Fresh allocator figures; the reason they are missing when koffi was found but did not load.
  const allocator = (): Malloc | undefined =>
    missingWhy === undefined ? (malloc ??= loadMalloc()) : undefined;
  const sendMalloc = (): string | undefined => {
    const figures = allocator()?.info() ?? null;
    if (figures !== null) send({ t: 'malloc', pid, ...figures });
    return malloc?.why;
  };
  watch.listen(send);
  timers.push(setInterval(() => send(heap()), intervalMs).unref());

  channel.onmessage = (event: unknown) => {
    const message = (event as { data: Relay }).data;
    if (message.t === 'gc-done') {
      acks.get(message.id)?.done(message.slackUsedBytes);
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
        // A control that fails sends no answer (rssdoctor times out on it), and its
        // rejection must not reach the target.
        control(JSON.parse(line) as ControlMessage).catch(() => {});
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
      const mallocWhy = sendMalloc();
      const durationMs = performance.now() - started;
      send({
        t: 'control-result',
        pid,
        id: message.id,
        action: 'figures',
        durationMs,
        trimmed: false,
        ...(mallocWhy === undefined ? {} : { mallocWhy }),
      });
      return;
    }
    const probe = probes();
    if (probe === undefined) return;
    const { BOUND_SLACK_TOTAL_BYTES, IDLE_WAIT_MAX_MS, probeIsolate } = probe;
    const rssBeforeBytes = readRssBytes();
    // A periodic probe shares BOUND_SLACK_TOTAL_BYTES out in turn: each isolate may use
    // what is left over those still to go, and what its bound used is gone. The workers go
    // first, so a busy main thread after idle workers (paused, exact, using none) may use it
    // all, where an even split gave the demo receiver's main thread a sixth (85 KiB).
    let slackLeftBytes = BOUND_SLACK_TOTAL_BYTES;
    const request = (toGo: number): ProbeRequest => ({
      probe: message.id,
      sites: message.sites === true,
      ...(message.freshMs === undefined
        ? {}
        : {
            freshMs: message.freshMs,
            boundSlackBytes: slackLeftBytes / toGo,
            boundIdle: message.boundIdle === true,
          }),
    });
    const order = [...workers];
    for (const [index, worker] of order.entries()) {
      const workerRequest = request(order.length + 1 - index);
      slackLeftBytes -= await new Promise<number>((resolve) => {
        // Unanswered: counted as all its share used, since it may yet give a bound.
        const timer = setTimeout(
          () => resolve(workerRequest.boundSlackBytes ?? 0),
          BOUND_WINDOW_MAX_MS + IDLE_WAIT_MAX_MS + WORKER_PROBE_MS,
        );
        timer.unref();
        acks.set(message.id, {
          done: (slackUsedBytes) => {
            clearTimeout(timer);
            resolve(slackUsedBytes);
          },
        });
        channel.postMessage({
          t: 'gc-request',
          id: message.id,
          threadId: worker,
          ...workerRequest,
        });
      });
      acks.delete(message.id);
    }
    await probeIsolate({ watch, heap, sites }, request(1), send);
    const trimmed = message.action === 'release' ? (allocator()?.trim() ?? false) : false;
    // Fresh allocator figures after a release, or when asked (the final probe).
    const mallocWhy =
      message.action === 'release' || message.malloc === true ? sendMalloc() : undefined;
    send({
      t: 'control-result',
      pid,
      id: message.id,
      action: message.action,
      rssBeforeBytes,
      rssAfterBytes: readRssBytes(),
      durationMs: performance.now() - started,
      trimmed,
      ...(mallocWhy === undefined ? {} : { mallocWhy }),
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
