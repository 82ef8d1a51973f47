// What the Node session knows of one agent's process, kept from the messages it sends:
// when each isolate last gave a live point (probe-pacing.ts reads the stalest), its forced
// pauses against the budget, and its live points for attribution's rise test. Pure, so a
// message's effect is tested without an agent.

import type { AgentMessage } from '../sources/agent-protocol.cjs';
import { LiveRise } from './live-rise.js';
import { SitesSchedule } from './sites-schedule.js';

export interface ProbeState {
  // When each isolate's last live point came (its start before the first): a probe is due
  // when the stalest is, and forces only the stale ones.
  liveMs: Map<number, number>;
  inFlight: boolean;
  // Forced pause per isolate: each isolate pauses only itself, so the budget is per thread.
  forcedPauseMs: Map<number, number>;
  // Its heap profiles (attribution), which wait for its live heap to rise.
  sites: SitesSchedule;
  rise: LiveRise;
}

// At the agent's hello: its main thread (0) counts as fresh from now.
export function newProbeState(tMs: number, sites: SitesSchedule): ProbeState {
  return {
    liveMs: new Map([[0, tMs]]),
    inFlight: false,
    forcedPauseMs: new Map(),
    sites,
    rise: new LiveRise(),
  };
}

export function stalestMs(state: ProbeState): number {
  return Math.min(...state.liveMs.values());
}

export function worstPauseMs(state: ProbeState): number {
  let worst = 0;
  for (const pauseMs of state.forcedPauseMs.values()) worst = Math.max(worst, pauseMs);
  return worst;
}

// One message from the agent of this state's process, seen at tMs.
export function noteAgentMessage(state: ProbeState, message: AgentMessage, tMs: number): void {
  if (message.t === 'isolate') {
    if (message.event === 'start') state.liveMs.set(message.threadId, tMs);
    else state.liveMs.delete(message.threadId);
  }
  if (message.t === 'gc' && message.kind === 'full') {
    state.liveMs.set(message.threadId, tMs);
    if (message.liveBytes !== undefined) state.rise.add(message.threadId, message.liveBytes);
    if (message.forced) {
      const before = state.forcedPauseMs.get(message.threadId) ?? 0;
      state.forcedPauseMs.set(message.threadId, before + (message.pauseMs ?? 0));
    }
  }
  if (message.t === 'bound') {
    // A pause put off is no live point, but the probe was answered: the next comes a
    // probe's interval later, not at the next tick.
    state.liveMs.set(message.threadId, tMs);
    if (message.pauseDeferred !== true) state.rise.add(message.threadId, message.liveBytes);
  }
}
