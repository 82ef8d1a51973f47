// The runtime sources a run sets up, from its plan: the Node agent, the Go trace, the JVM's
// GC log. One place that opens them, composes the target's environment (each adds to what
// the one before left, never replacing the user's values), ticks them and closes them.

import type { BodyRecord } from '../recording/records.js';
import type { AddressRange } from '../sources/jvm-heap-range.js';
import { openAgentSession, type AgentSession } from './agent-session.js';
import { openGoSession, type GoSession } from './go-session.js';
import { openJvmSession, type JvmSession } from './jvm-session.js';
import type { TargetPlan } from './target-plan.js';

export interface RuntimeSourceOptions {
  directory: string;
  intervalMs: number;
  durationMs: number | undefined;
  passive: boolean;
  quietTrace: boolean;
  onTargetStderr: ((bytes: Buffer) => void) | undefined;
  nowMs: () => number;
  append: (record: BodyRecord) => void;
}

export interface RuntimeSources {
  agent: AgentSession | null;
  go: GoSession | null;
  jvm: JvmSession | null;
  env: (base: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
  started: (pid: number) => void;
  tick: (pids: readonly number[]) => void;
  // One forced full GC in every Node process and JVM before the verdict.
  finalProbe: () => Promise<void>;
  // --probe-release: GC + malloc_trim in every Node process and JVM; the PIDs probed.
  releaseProbe: () => Promise<number[]>;
  // The runtime heap's address range of a process, where one is known (Go, the JVM).
  heapRanges: (pid: number) => readonly AddressRange[] | null;
  close: () => Promise<void>;
}

export async function openRuntimeSources(
  plan: TargetPlan,
  options: RuntimeSourceOptions,
): Promise<RuntimeSources> {
  const { directory, nowMs, append } = options;
  const agent = plan.nodeAgent
    ? await openAgentSession({
        directory,
        intervalMs: options.intervalMs,
        durationMs: options.durationMs,
        passive: options.passive,
        nowMs,
        append,
      })
    : null;
  const go =
    plan.go === null
      ? null
      : openGoSession({
          directory,
          rootIsGo: plan.go.rootIsGo,
          quietTrace: options.quietTrace,
          echo: (bytes) => options.onTargetStderr?.(bytes),
          nowMs,
          append,
        });
  const jvm =
    plan.jvm === null
      ? null
      : openJvmSession({
          directory,
          jdk: plan.jvm.jdk,
          durationMs: options.durationMs,
          passive: options.passive,
          nowMs,
          append,
        });
  return {
    agent,
    go,
    jvm,
    env: (base) => {
      let env = base;
      if (agent !== null) env = agent.env(env);
      if (go !== null) env = go.env(env);
      if (jvm !== null) env = jvm.env(env);
      return env;
    },
    started: (pid) => go?.started(pid),
    tick: (pids) => {
      agent?.probe();
      go?.onTick(pids);
      jvm?.onTick();
    },
    finalProbe: async () => {
      await Promise.all([agent?.finalProbe(), jvm?.finalProbe()]);
    },
    releaseProbe: async () => {
      await Promise.all([agent?.releaseProbe(), jvm?.releaseProbe()]);
      return [...(agent?.pids() ?? []), ...(jvm?.pids() ?? [])];
    },
    heapRanges: (pid) => go?.heapRanges(pid) ?? jvm?.heapRanges(pid) ?? null,
    close: async () => {
      go?.close();
      jvm?.close();
      await agent?.close();
    },
  };
}
