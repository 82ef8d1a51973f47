// The Node side of a run: the agent socket in the run's private directory, the
// environment that loads the agent into every Node process of the target, the mapping of
// agent messages to records, and active confirmation (forced full GCs when natural ones
// are too rare, within a pause budget, and one before the final verdict).

import type { AgentMessage } from '../sources/agent-protocol.cjs';
import {
  INTERVAL_ENV,
  MALLOC_EVERY_ENV,
  SAMPLING_ENV,
  SAMPLING_INTERVAL_BYTES,
  SOCKET_ENV,
} from '../sources/agent-protocol.cjs';
import { openAgentChannel, type AgentChannel } from '../sources/agent-channel.js';
import { SMAPS_ROLLUP_EVERY_MS } from '../sources/procfs.js';
import { RUNTIMES } from '../runtimes/registry.js';
import type { RuntimeSession, SessionContext } from '../runtimes/runtime-session.js';
import { agentRecord } from './agent-record.js';
import { dueForProbe, freshForMs, probeEveryMs as pacing } from './probe-pacing.js';
import { RISE_POINTS } from './live-rise.js';
import {
  newProbeState,
  noteAgentMessage,
  stalestMs,
  worstPauseMs,
  type ProbeState,
} from './probe-state.js';
import { SitesSchedule } from './sites-schedule.js';

const CONTROL_TIMEOUT_MS = 5_000;

// The socket goes in the run's private directory (0700).
export type AgentSessionOptions = Pick<
  SessionContext,
  'directory' | 'intervalMs' | 'durationMs' | 'passive' | 'attribution' | 'nowMs' | 'append'
>;

// releaseProbe comes after finalProbe: GC + malloc_trim, with RSS before and after (under
// --passive, finalProbe forced nothing, so a full GC comes first there). pids: the
// processes whose agent is connected.
export type AgentSession = Required<
  Pick<RuntimeSession, 'env' | 'tick' | 'finalProbe' | 'releaseProbe' | 'pids'>
> & { close: () => Promise<void> };

export async function openAgentSession(options: AgentSessionOptions): Promise<AgentSession> {
  const { directory } = options;
  const probes = new Map<number, ProbeState>();
  let malformed = 0;
  const onMessage = (message: AgentMessage): void => {
    const tMs = options.nowMs();
    if (message.t === 'hello') {
      const sites = new SitesSchedule(options.attribution, options.durationMs);
      probes.set(message.pid, newProbeState(tMs, sites));
    }
    const state = probes.get(message.pid);
    if (state !== undefined) noteAgentMessage(state, message, tMs);
    for (const record of agentRecord(message, tMs)) options.append(record);
  };
  const channel: AgentChannel = await openAgentChannel(directory, {
    onMessage,
    onMalformed: (line) => {
      malformed++;
      if (malformed === 1) {
        options.append({
          type: 'note',
          tMs: options.nowMs(),
          code: 'source.agentMalformed',
          text: `the agent sent a line that is not JSON ("${line.slice(0, 40)}"); such lines are skipped`,
        });
      }
    },
  });
  const probeEveryMs = pacing(options.durationMs);

  // sites: with a heap profile of every isolate right after the GC (attribution); freshMs:
  // a periodic probe, which leaves isolates with a recent full GC of their own alone.
  const force = (
    pid: number,
    state: ProbeState | undefined,
    probe: { sites?: boolean; freshMs?: number; boundIdle?: boolean; malloc?: boolean } = {},
  ): Promise<void> => {
    if (state !== undefined) {
      state.inFlight = true;
      if (probe.sites === true) state.sites.taken(options.nowMs());
    }
    return channel.control(pid, 'gc', CONTROL_TIMEOUT_MS, probe).then(() => {
      if (state !== undefined) state.inFlight = false;
    });
  };

  return {
    // Every runtime with an agent (runtimes/registry.ts) loads it from the same variables.
    env: (base) => ({
      ...RUNTIMES.reduce((env, module) => module.agentEnv?.(env) ?? env, base),
      [SOCKET_ENV]: channel.socketPath,
      [INTERVAL_ENV]: String(options.intervalMs),
      [MALLOC_EVERY_ENV]: String(SMAPS_ROLLUP_EVERY_MS),
      [SAMPLING_ENV]: options.attribution ? String(SAMPLING_INTERVAL_BYTES) : '0',
    }),
    tick: () => {
      if (options.passive) return;
      const tMs = options.nowMs();
      for (const pid of channel.pids()) {
        const state = probes.get(pid);
        if (state === undefined) continue;
        if (!state.inFlight && state.rise.rising && state.sites.due(tMs, worstPauseMs(state))) {
          void force(pid, state, { sites: true });
          continue;
        }
        const target = {
          ...state,
          lastLiveMs: stalestMs(state),
          forcedPauseMs: worstPauseMs(state),
        };
        // Exact points once the live heap rises: a leak's slope is read from pauses, not
        // from bounds high by garbage.
        if (dueForProbe(target, tMs, probeEveryMs))
          void force(pid, state, {
            freshMs: freshForMs(probeEveryMs),
            boundIdle: !state.rise.rising,
          });
      }
    },
    finalProbe: async () => {
      if (options.passive) {
        // No GC, but the breakdown at the end reads the allocator figures.
        await Promise.all(
          channel.pids().map((pid) => channel.control(pid, 'figures', CONTROL_TIMEOUT_MS)),
        );
        return;
      }
      const tMs = options.nowMs();
      for (const [pid, state] of probes) {
        if (!options.attribution || state.sites.started || !channel.pids().includes(pid)) continue;
        options.append({
          type: 'note',
          tMs,
          code: 'source.sitesUnavailable',
          pid,
          text: `no heap profile was taken: no isolate's live heap rose (profiles start once one does: ${RISE_POINTS} rising live points, 1 MiB in all, so a process that does not grow never pays for the profiler)`,
        });
      }
      await Promise.all(
        channel.pids().map((pid) => {
          const state = probes.get(pid);
          const sites = state?.sites.final(tMs) ?? false;
          return force(pid, state, { sites, malloc: true });
        }),
      );
    },
    releaseProbe: async () => {
      await Promise.all(
        channel.pids().map(async (pid) => {
          if (options.passive) await force(pid, probes.get(pid));
          await channel.control(pid, 'release', CONTROL_TIMEOUT_MS);
        }),
      );
    },
    pids: () => channel.pids(),
    close: () => channel.close(),
  };
}
