// A running Go program read through its own endpoints, since a trace cannot be turned on
// after start. --pprof (the base of net/http/pprof): heap?gc=1&debug=1 runs a full GC and
// prints MemStats, whose HeapAlloc is then the live heap; asked when a live point is due
// (run/probe-pacing.ts), as the agent forces one in Node. --expvar (/debug/vars): polled
// every tick, cheap; each new GC (NumGC) gives a live point estimated from its goal.
// In `run`, gctrace already gives every GC: there --pprof only asks for the rare one
// (pprof-probe.ts). Attribution: on its schedule (run/sites-schedule.ts) the forced GC is
// heap?gc=1's profile instead (heap-profile.ts), and MemStats are read right after.

import { performance } from 'node:perf_hooks';
import { dueForProbe, probeEveryMs, probeInFlight } from '../../run/probe-pacing.js';
import { SitesSchedule } from '../../run/sites-schedule.js';
import { httpGet } from '../../sources/http-get.js';
import { readEnviron } from '../../sources/proc-environ.js';
import type { RuntimeSession, SessionContext } from '../runtime-session.js';
import {
  liveFromGoal,
  parseExpvarMemStats,
  parsePprofMemStats,
  type MemStats,
} from './memstats.js';
import { GOGC_DEFAULT_PERCENT, goSettings } from './settings.js';
import { fetchHeapSites } from './heap-profile.js';

const REQUEST_TIMEOUT_MS = 10_000;

export interface GoEndpoints {
  pprofUrl: string | null;
  expvarUrl: string | null;
}

function heapUrl(pprofBase: string, forceGc: boolean): string {
  return `${pprofBase.replace(/\/+$/, '')}/heap?${forceGc ? 'gc=1&' : ''}debug=1`;
}

// Asks the program for a full GC and its MemStats right after.
export async function forceGc(pprofBase: string): Promise<{ stats: MemStats; tookMs: number }> {
  const started = performance.now();
  const url = heapUrl(pprofBase, true);
  const stats = parsePprofMemStats(await httpGet(url, REQUEST_TIMEOUT_MS));
  if (stats === null)
    throw new Error(`${url} printed no MemStats: is it net/http/pprof's heap profile?`);
  return { stats, tookMs: performance.now() - started };
}

async function readExpvar(url: string): Promise<MemStats> {
  const stats = parseExpvarMemStats(await httpGet(url, REQUEST_TIMEOUT_MS));
  if (stats === null) throw new Error(`${url} has no "memstats": is it expvar's /debug/vars?`);
  return stats;
}

export async function openGoEndpointSession(
  pid: number,
  endpoints: GoEndpoints,
  context: SessionContext,
): Promise<RuntimeSession> {
  const { pprofUrl, expvarUrl } = endpoints;
  // Reachable before the watch starts, or the user hears why now.
  let lastNumGc = -1;
  if (expvarUrl !== null) lastNumGc = (await readExpvar(expvarUrl)).numGc;
  if (pprofUrl !== null) await httpGet(heapUrl(pprofUrl, false), REQUEST_TIMEOUT_MS);
  const environ = readEnviron(pid);
  const gogcPercent =
    (environ === null ? null : goSettings(environ).gogcPercent) ?? GOGC_DEFAULT_PERCENT;
  const everyMs = probeEveryMs(context.durationMs);
  const state = { lastLiveMs: context.nowMs(), inFlight: false, forcedPauseMs: 0 };
  const canForce = pprofUrl !== null && !context.passive;

  const point = (stats: MemStats, forced: boolean, pauseMs?: number): void => {
    const tMs = context.nowMs();
    state.lastLiveMs = tMs;
    lastNumGc = stats.numGc;
    if (forced) context.append({ type: 'control', tMs, pid, action: 'gc', durationMs: pauseMs });
    context.append({
      type: 'gc',
      tMs,
      pid,
      kind: 'full',
      forced,
      ...(forced ? { cause: 'user' } : {}),
      liveBytes: forced ? stats.heapAllocBytes : liveFromGoal(stats, gogcPercent),
      goalBytes: stats.nextGcBytes,
      stacksBytes: stats.stackInuseBytes,
      count: stats.numGc,
    });
  };
  const force = async (): Promise<void> => {
    const { stats, tookMs } = await forceGc(pprofUrl!);
    // The request's time bounds the GC's from above; most of a Go GC runs concurrently.
    state.forcedPauseMs += tookMs;
    point(stats, true, tookMs);
  };
  const schedule = new SitesSchedule(canForce && context.attribution, context.durationMs);
  const profile = async (): Promise<void> => {
    schedule.taken(context.nowMs());
    const { sites, tookMs } = await fetchHeapSites(pprofUrl!);
    state.forcedPauseMs += tookMs;
    const tMs = context.nowMs();
    context.append({
      type: 'sites',
      tMs,
      pid,
      method: 'go-heap-profile',
      ...sites,
      pauseMs: tookMs,
    });
    const stats = parsePprofMemStats(await httpGet(heapUrl(pprofUrl!, false), REQUEST_TIMEOUT_MS));
    if (stats !== null) point(stats, true, tookMs);
  };
  const failed = (error: Error): void =>
    context.append({
      type: 'note',
      tMs: context.nowMs(),
      code: 'source.liveUnavailable',
      pid,
      text: `pid ${pid}: ${error.message}`,
    });

  return {
    env: (base) => base,
    tick: () => {
      if (state.inFlight) return;
      const tMs = context.nowMs();
      if (schedule.due(tMs, state.forcedPauseMs)) {
        probeInFlight(state, profile, failed);
      } else if (canForce && dueForProbe(state, tMs, everyMs)) {
        probeInFlight(state, force, failed);
      } else if (expvarUrl !== null) {
        const poll = async (): Promise<void> => {
          const stats = await readExpvar(expvarUrl);
          if (stats.numGc > lastNumGc) point(stats, false);
        };
        probeInFlight(state, poll, failed);
      }
    },
    finalProbe: async () => {
      const last = schedule.final(context.nowMs()) ? profile : force;
      if (canForce) await last().catch(failed);
    },
    pids: () => [pid],
    close: () => undefined,
  };
}
