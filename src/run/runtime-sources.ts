// The runtime sources a run sets up, from its plan: the agent (every runtime that has one
// shares its socket), the session of the runtime module that claimed the target, and the
// watchers of the others. One place that opens them, composes the target's environment
// (each adds to what the one before left, never replacing the user's values), ticks them
// and closes them.

import type { RuntimeSession, SessionContext } from '../runtimes/runtime-session.js';
import type { AddressRange } from '../sources/address-range.js';
import { openAgentSession } from './agent-session.js';
import type { TargetPlan } from './target-plan.js';

export interface RuntimeSources {
  env: (base: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
  // The descriptor the target gets as its stderr, when a session reads it.
  stderrFd: number | undefined;
  started: (pid: number) => void;
  tick: (pids: readonly number[]) => void;
  // One forced full GC in every process a session can reach, before the verdict.
  finalProbe: () => Promise<void>;
  // --probe-release: GC + release in every process a session can reach; the PIDs probed.
  releaseProbe: () => Promise<number[]>;
  // The runtime heap's address range of a process, where one is known (Go, the JVM).
  heapRanges: (pid: number) => readonly AddressRange[] | null;
  close: () => Promise<void>;
}

export async function openRuntimeSources(
  plan: TargetPlan,
  context: SessionContext,
): Promise<RuntimeSources> {
  const sessions: RuntimeSession[] = [];
  if (plan.agent) sessions.push(await openAgentSession(context));
  if (plan.claimed !== null) sessions.push(plan.claimed.plan.open(context));
  for (const watcher of plan.watchers) sessions.push(watcher.watchUnclaimed!(context));
  return combineSessions(sessions);
}

// Sessions as one: environments composed in order, ticks and probes to each, the first
// heap range any knows, closed in reverse order of opening.
export function combineSessions(sessions: readonly RuntimeSession[]): RuntimeSources {
  return {
    env: (base) => sessions.reduce((env, session) => session.env(env), base),
    stderrFd: sessions.find((session) => session.stderrFd !== undefined)?.stderrFd,
    started: (pid) => {
      for (const session of sessions) session.started?.(pid);
    },
    tick: (pids) => {
      for (const session of sessions) session.tick(pids);
    },
    finalProbe: async () => {
      await Promise.all(sessions.map((session) => session.finalProbe?.()));
    },
    releaseProbe: async () => {
      await Promise.all(sessions.map((session) => session.releaseProbe?.()));
      // Only the processes a release reached: the settle that follows measures those.
      return sessions.flatMap((session) =>
        session.releaseProbe === undefined ? [] : (session.pids?.() ?? []),
      );
    },
    heapRanges: (pid) => {
      for (const session of sessions) {
        const ranges = session.heapRanges?.(pid) ?? null;
        if (ranges !== null) return ranges;
      }
      return null;
    },
    close: async () => {
      // In reverse: the agent, opened first, closes last (as before).
      for (const session of [...sessions].reverse()) await session.close();
    },
  };
}
