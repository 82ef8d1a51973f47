// run --pprof: gctrace already sees every GC, forced ones included; when none came for a
// while, one is asked for through the program's net/http/pprof (heap?gc=1), as the agent
// forces one in Node, paced and within the pause budget (run/probe-pacing.ts). On
// attribution's schedule (run/sites-schedule.ts) that GC is heap?gc=1's profile instead.

import { dueForProbe, probeEveryMs, probeInFlight } from '../../run/probe-pacing.js';
import { SitesSchedule } from '../../run/sites-schedule.js';
import { fetchHeapSites } from './heap-profile.js';
import type { RuntimeSession, SessionContext } from '../runtime-session.js';
import { forceGc } from './endpoint-session.js';

export function withPprofProbe(
  open: (context: SessionContext) => RuntimeSession,
  context: SessionContext,
): RuntimeSession {
  const pprofUrl = context.pprofUrl;
  if (pprofUrl === undefined || context.passive) return open(context);
  const state = { lastLiveMs: context.nowMs(), inFlight: false, forcedPauseMs: 0 };
  const session = open({
    ...context,
    append: (record) => {
      if (record.type === 'gc' && record.liveBytes !== undefined) state.lastLiveMs = record.tMs;
      context.append(record);
    },
  });
  const everyMs = probeEveryMs(context.durationMs);
  // The program serving pprof is the root of the tree (the first PID of a tick).
  let rootPid: number | undefined;
  const force = async (): Promise<void> => {
    const { tookMs } = await forceGc(pprofUrl);
    state.forcedPauseMs += tookMs;
    if (rootPid === undefined) return;
    context.append({
      type: 'control',
      tMs: context.nowMs(),
      pid: rootPid,
      action: 'gc',
      durationMs: tookMs,
    });
  };
  const schedule = new SitesSchedule(context.attribution, context.durationMs);
  const profile = async (): Promise<void> => {
    schedule.taken(context.nowMs());
    const { sites, tookMs } = await fetchHeapSites(pprofUrl);
    state.forcedPauseMs += tookMs;
    if (rootPid === undefined) return;
    const tMs = context.nowMs();
    context.append({ type: 'control', tMs, pid: rootPid, action: 'gc', durationMs: tookMs });
    context.append({
      type: 'sites',
      tMs,
      pid: rootPid,
      method: 'go-heap-profile',
      ...sites,
      pauseMs: tookMs,
    });
  };
  const failed = (error: Error): void =>
    context.append({
      type: 'note',
      tMs: context.nowMs(),
      code: 'source.liveUnavailable',
      text: `--pprof: ${error.message}`,
    });
  return {
    ...session,
    tick: (pids) => {
      session.tick(pids);
      rootPid ??= pids[0];
      const tMs = context.nowMs();
      if (!state.inFlight && schedule.due(tMs, state.forcedPauseMs))
        probeInFlight(state, profile, failed);
      else if (dueForProbe(state, tMs, everyMs)) probeInFlight(state, force, failed);
    },
    finalProbe: () => {
      const last = schedule.final(context.nowMs()) ? profile : force;
      return last().catch(failed);
    },
  };
}
