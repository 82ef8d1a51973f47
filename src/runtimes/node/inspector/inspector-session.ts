// The Node side of `attach --inspector`: the inspector protocol in place of the agent.
// Every tick each isolate (the main thread's, and each worker's through NodeWorker) reports
// its heap figures (process.memoryUsage(), evaluated in it); a live point is a full GC
// forced with HeapProfiler.collectGarbage and the figures right after, paced and within
// the pause budget as in `run` (run/probe-pacing.ts). Natural GCs are not seen through the
// protocol, so every live point is a forced one. At the end the inspector is closed from
// inside (inspector.close()) if rssdoctor opened it, so nothing listens after it leaves.

import { performance } from 'node:perf_hooks';
import type { BodyRecord } from '../../../recording/records.js';
import { dueForProbe, probeEveryMs, probeInFlight } from '../../../run/probe-pacing.js';
import { SAMPLING_INTERVAL_BYTES } from '../../../sources/agent-protocol.cjs';
import { SitesSchedule } from '../../../run/sites-schedule.js';
import { profileSites, type ProfileNode } from '../agent/profile-sites.cjs';
import type { RuntimeSession, SessionContext } from '../../runtime-session.js';
import { CdpClient, typedCall, type CdpTarget } from './cdp-client.js';
import { openInspector } from './open-inspector.js';
import { WorkerTarget } from './worker-target.js';

const CALL_TIMEOUT_MS = 10_000;
const CLOSE_WAIT_MS = 3_000;
const MEMORY_USAGE = 'JSON.stringify(process.memoryUsage())';

interface Isolate {
  threadId: number;
  target: CdpTarget;
  lastLiveMs: number;
  inFlight: boolean;
  forcedPauseMs: number;
  // Its sampling heap profiler was started (attribution).
  sampling: boolean;
}

interface MemoryUsage {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export async function openInspectorSession(
  pid: number,
  context: SessionContext,
): Promise<RuntimeSession> {
  const endpoint = await openInspector(pid);
  let client: CdpClient;
  try {
    client = await CdpClient.connect(endpoint.webSocketUrl, CALL_TIMEOUT_MS);
  } catch (error) {
    // Only a connection can close it from inside: say it may stay open.
    const left = endpoint.openedByUs
      ? `; its inspector, opened with SIGUSR1, may still listen on ${endpoint.host}:${endpoint.port}`
      : '';
    throw new Error(`${(error as Error).message}${left}`);
  }
  context.append({
    type: 'note',
    tMs: context.nowMs(),
    code: 'attach.inspectorOpen',
    pid,
    text: endpoint.openedByUs
      ? `the inspector of pid ${pid} was open on ${endpoint.host}:${endpoint.port} while rssdoctor watched (opened with SIGUSR1, closed at the end); any local user could connect to it meanwhile`
      : `the inspector of pid ${pid} was already open on ${endpoint.host}:${endpoint.port}; rssdoctor used it and left it open`,
  });
  const isolates = new Map<number, Isolate>([[0, isolate(0, client, context.nowMs())]]);
  const workers = new Map<string, WorkerTarget>();
  client.on('NodeWorker.attachedToWorker', (params) => {
    const { sessionId, workerInfo } = params as {
      sessionId: string;
      workerInfo: { workerId: string };
    };
    const threadId = Number(workerInfo.workerId);
    const worker = new WorkerTarget(client, sessionId, threadId, CALL_TIMEOUT_MS);
    workers.set(sessionId, worker);
    isolates.set(threadId, isolate(threadId, worker, context.nowMs()));
  });
  client.on('NodeWorker.detachedFromWorker', (params) => {
    const { sessionId } = params as { sessionId: string };
    const worker = workers.get(sessionId);
    workers.delete(sessionId);
    if (worker !== undefined) isolates.delete(worker.threadId);
  });
  client.on('NodeWorker.receivedMessageFromWorker', (params) => {
    const { sessionId, message } = params as { sessionId: string; message: string };
    workers.get(sessionId)?.deliver(message);
  });
  // Workers are optional: a Node without the domain still has its main isolate.
  await client.call('NodeWorker.enable', { waitForDebuggerOnStart: false }).catch(() => undefined);

  const everyMs = probeEveryMs(context.durationMs);
  const append = (record: BodyRecord): void => context.append(record);
  const figures = async (state: Isolate): Promise<MemoryUsage> => {
    const answer = await typedCall(state.target, 'Runtime.evaluate', {
      expression: MEMORY_USAGE,
      returnByValue: true,
      silent: true,
    });
    return JSON.parse(String(answer.result.value)) as MemoryUsage;
  };
  const heapRecord = (state: Isolate, usage: MemoryUsage): void =>
    append({
      type: 'heap',
      tMs: context.nowMs(),
      pid,
      threadId: state.threadId,
      usedHeapBytes: usage.heapUsed,
      totalHeapBytes: usage.heapTotal,
      externalBytes: usage.external,
      arrayBuffersBytes: usage.arrayBuffers,
    });
  // The isolate's profile right after its forced GC; its first starts the sampling.
  const sites = async (state: Isolate): Promise<void> => {
    if (!state.sampling) {
      await typedCall(state.target, 'HeapProfiler.startSampling', {
        samplingInterval: SAMPLING_INTERVAL_BYTES,
      });
      state.sampling = true;
    }
    const started = performance.now();
    const { profile } = await typedCall(state.target, 'HeapProfiler.getSamplingProfile');
    const pauseMs = performance.now() - started;
    append({
      type: 'sites',
      tMs: context.nowMs(),
      pid,
      threadId: state.threadId,
      method: 'v8-sampling-heap-profile',
      ...profileSites(profile.head as ProfileNode, null),
      pauseMs,
    });
  };
  const force = async (state: Isolate, withSites = false): Promise<void> => {
    state.inFlight = true;
    try {
      const started = performance.now();
      await typedCall(state.target, 'HeapProfiler.collectGarbage');
      const roundTripMs = performance.now() - started;
      const asked = performance.now();
      const usage = await figures(state);
      // The GC's round trip bounds its pause from above, but on a busy machine most of it is
      // the messaging (a 4.6 MiB heap's came back in 23-115 ms): the round trip of the call
      // right after, which does next to nothing, is taken off. Charged in full, the
      // messaging spent the pause budget and left a leaking worker 4 live points in 30 s.
      const pauseMs = Math.max(0, roundTripMs - (performance.now() - asked));
      state.forcedPauseMs += pauseMs;
      const tMs = context.nowMs();
      state.lastLiveMs = tMs;
      append({ type: 'control', tMs, pid, action: 'gc', durationMs: roundTripMs });
      append({
        type: 'gc',
        tMs,
        pid,
        threadId: state.threadId,
        kind: 'full',
        forced: true,
        liveBytes: usage.heapUsed + usage.external,
        heapAfterBytes: usage.heapUsed,
        pauseMs,
      });
      heapRecord(state, usage);
      if (withSites) await sites(state);
    } finally {
      state.inFlight = false;
    }
  };
  // The process's pacing: the worst isolate's forced pause counts against the budget, since
  // each isolate pauses only itself (as in run/agent-session.ts).
  const round = {
    lastLiveMs: context.nowMs(),
    inFlight: false,
    get forcedPauseMs(): number {
      return Math.max(0, ...[...isolates.values()].map((state) => state.forcedPauseMs));
    },
  };
  const schedule = new SitesSchedule(context.attribution, context.durationMs);
  const forceAll = async (withSites = false): Promise<void> => {
    if (withSites) schedule.taken(context.nowMs());
    await Promise.all([...isolates.values()].map((state) => force(state, withSites)));
    round.lastLiveMs = context.nowMs();
  };
  const failed = (what: string) => (error: Error) => {
    if (!client.open) return;
    append({
      type: 'note',
      tMs: context.nowMs(),
      code: 'source.liveUnavailable',
      pid,
      text: `pid ${pid}: ${what} through the inspector failed (${error.message})`,
    });
  };

  return {
    env: (base) => base,
    tick: () => {
      if (!client.open || round.inFlight) return;
      // One round forces every isolate at once, as the agent does: their points then sum to
      // one total, not a staircase of one isolate's sparse points over the others' dense ones.
      const tMs = context.nowMs();
      if (schedule.due(tMs, round.forcedPauseMs)) {
        probeInFlight(round, () => forceAll(true), failed('a heap profile'));
        return;
      }
      if (!context.passive && dueForProbe(round, tMs, everyMs)) {
        probeInFlight(round, forceAll, failed('a forced GC'));
        return;
      }
      for (const state of isolates.values()) {
        if (!state.inFlight) {
          probeInFlight(
            state,
            async () => heapRecord(state, await figures(state)),
            failed('reading the heap'),
          );
        }
      }
    },
    finalProbe: async () => {
      if (context.passive || !client.open) return;
      await forceAll(schedule.final(context.nowMs())).catch(failed('the final GC'));
    },
    pids: () => [pid],
    close: async () => {
      // The profiler stops in every isolate it started in: nothing of it stays behind.
      await Promise.all(
        [...isolates.values()]
          .filter((state) => state.sampling)
          .map((state) => state.target.call('HeapProfiler.stopSampling').catch(() => undefined)),
      );
      await client.call('NodeWorker.disable').catch(() => undefined);
      if (endpoint.openedByUs && client.open) {
        // inspector.close() ends this very connection: fired, then the close is awaited.
        client.fire('Runtime.evaluate', {
          expression: "require('node:inspector').close()",
          includeCommandLineAPI: true,
          silent: true,
        });
        if (!(await client.closed(CLOSE_WAIT_MS))) {
          append({
            type: 'note',
            tMs: context.nowMs(),
            code: 'attach.inspectorOpen',
            pid,
            text: `the inspector of pid ${pid} did not close within ${CLOSE_WAIT_MS / 1000} s: it may still listen on ${endpoint.host}:${endpoint.port}`,
          });
        }
      }
      await client.close();
    },
  };
}

function isolate(threadId: number, target: CdpTarget, nowMs: number): Isolate {
  return {
    threadId,
    target,
    lastLiveMs: nowMs,
    inFlight: false,
    forcedPauseMs: 0,
    sampling: false,
  };
}
