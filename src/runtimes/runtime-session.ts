// How a runtime takes part in a run: how `run` plans for it, and the session that reads
// its source while the target runs. A module supplies them (runtime-module.ts); the run
// opens, ticks and closes them (run/runtime-sources.ts).

import type { BodyRecord } from '../recording/records.js';
import type { AddressRange } from '../sources/address-range.js';

// What a run hands a runtime's session: where its private files go, its clock and the
// recording, and the options that shape active confirmation.
export interface SessionContext {
  // The run's private directory (0700).
  directory: string;
  intervalMs: number;
  durationMs: number | undefined;
  passive: boolean;
  // Take heap profiles for attribution (run/sites-schedule.ts): false under --passive and
  // --no-attribution.
  attribution: boolean;
  quietTrace: boolean;
  // Receives the target's stderr bytes, when the session reads them (see stderrFd).
  echoStderr: (bytes: Buffer) => void;
  nowMs: () => number;
  append: (record: BodyRecord) => void;
  // run --pprof: a Go program's net/http/pprof base, for forcing the rare GC.
  pprofUrl?: string;
}

// A runtime's source during a run: opened before the target starts, ticked with the
// sampler, closed at the end. Every member but env, tick and close is optional.
export interface RuntimeSession {
  // What it adds to the target's environment (never replacing the user's values).
  env: (base: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
  // The descriptor the target gets as its stderr, when the runtime reports there (gctrace).
  stderrFd?: number;
  started?: (rootPid: number) => void;
  // The PIDs in the tree this tick.
  tick: (pids: readonly number[]) => void;
  // One forced full GC before the verdict.
  finalProbe?: () => Promise<void>;
  // --probe-release: what the runtime can give back, with RSS before and after.
  releaseProbe?: () => Promise<void>;
  // The processes its probes reached.
  pids?: () => number[];
  // The runtime heap's address range in a process, where known.
  heapRanges?: (pid: number) => readonly AddressRange[] | null;
  close: () => void | Promise<void>;
}

// What `run` knows of its target before it starts it.
export interface PlanInput {
  command: readonly string[];
  // The resolved first word of the command; null when it is not on PATH.
  executable: string | null;
  // `--runtime` named this runtime: plan for it even if the executable does not say so.
  forced: boolean;
  // The run's private directory, where a build may go.
  directory: string;
  env: NodeJS.ProcessEnv;
}

// A runtime's claim on the target: the command actually spawned (a `go run` is built
// first), and how its session opens.
export interface RuntimePlan {
  command: string[];
  open: (context: SessionContext) => RuntimeSession;
}

// What `attach` knows of a running process, and what the user allowed.
export interface AttachInput {
  pid: number;
  // /proc/PID/exe, resolved.
  executable: string;
  // The run's private directory (0700), where a GC log may go.
  directory: string;
  // --inspector: consent to open Node's inspector on 127.0.0.1 for the watch.
  inspector: boolean;
  // --pprof and --expvar: a Go program's own endpoints.
  pprofUrl: string | null;
  expvarUrl: string | null;
}

// A runtime's way into a running process: how its session opens, or why there is none
// (the report then says what would add the live heap). `note` is said either way.
export type AttachPlan =
  | { open: (context: SessionContext) => Promise<RuntimeSession>; note?: string }
  | { unavailableWhy: string };
