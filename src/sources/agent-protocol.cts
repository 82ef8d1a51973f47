// The agent protocol: NDJSON lines over the run's private unix socket. Field names carry
// their units. rssdoctor stamps each message with its own clock on receipt.

import type { HeapFigures } from '../runtimes/node/agent/heap-figures.cjs';
import type { ProfileSites } from './site-table.cjs';

export interface HelloMessage {
  t: 'hello';
  pid: number;
  ppid: number;
  // The program's command line without the interpreter (the script and its arguments).
  argv: string[];
  // Each agent names its runtime and version (the Node agent in src/runtimes/node/agent/,
  // the Python agent in src/runtimes/python/agent/).
  runtime: 'node' | 'python';
  runtimeVersion: string;
  mallocAvailable: boolean;
  mallocWhy?: string;
  // Set when this process cannot report live points (GCs cannot be observed).
  liveUnavailableWhy?: string;
}

export interface IsolateMessage {
  t: 'isolate';
  pid: number;
  threadId: number;
  event: 'start' | 'exit';
}

export interface HeapMessage extends HeapFigures {
  t: 'heap';
  pid: number;
  threadId: number;
}

// A full GC (MarkSweepCompact) with the live bytes after it, or minor GCs summed per tick
// (Python's). The pause is there where it was timed: the Node agent's forced GCs (a natural
// one is seen only just after it, gc-watch.cts) and every Python collection.
export interface GcMessage {
  t: 'gc';
  pid: number;
  threadId: number;
  kind: 'full' | 'minor';
  forced: boolean;
  count: number;
  pauseMs?: number;
  heapBeforeBytes?: number;
  heapAfterBytes?: number;
  liveBytes?: number;
  // A forced GC's probe: the control's id (BoundMessage.probe).
  probe?: number;
}

// A live point without a full GC: at a periodic probe, the isolate's heap plus external
// memory at their lowest over a short window (an upper bound of its live heap, high by
// garbage) was within `slackBytes` of its last live point, so a full GC would have told
// nothing a leak could hide in (gc-watch.cts).
export interface BoundMessage {
  t: 'bound';
  pid: number;
  threadId: number;
  liveBytes: number;
  slackBytes: number;
  // Over the slack by less than a leak: the pause is put off to the next probe, and this is
  // no live point (gc-watch.cts).
  pauseDeferred?: true;
  // The probe it answered (the control's id): the live series sums one probe's points into
  // one round, however long its isolates took in turn (analysis/live-series.ts).
  probe?: number;
}

export interface MallocMessage {
  t: 'malloc';
  pid: number;
  inUseBytes: number;
  freeBytes: number;
  mmapBytes: number;
}

export interface ControlResultMessage {
  t: 'control-result';
  pid: number;
  id: number;
  action: ControlAction;
  // Absent when the agent could not read its RSS: never a 0 that reads as all released.
  rssBeforeBytes?: number;
  rssAfterBytes?: number;
  durationMs: number;
  trimmed: boolean;
  // The agent found koffi but could not load it when it first read the allocator.
  mallocWhy?: string;
}

// Attribution: one isolate's sampling heap profile, right after a forced full GC, as sites.
export interface SitesMessage extends ProfileSites {
  t: 'sites';
  pid: number;
  threadId: number;
  pauseMs: number;
}

export type AgentMessage =
  | HelloMessage
  | IsolateMessage
  | HeapMessage
  | GcMessage
  | BoundMessage
  | MallocMessage
  | ControlResultMessage
  | SitesMessage;

// gc: a forced full GC in every isolate; release: then malloc_trim; figures: no GC, only
// fresh allocator figures (the end of a --passive run, whose last ones may be 10 s old).
export type ControlAction = 'gc' | 'release' | 'figures';

export interface ControlMessage {
  t: 'control';
  id: number;
  action: ControlAction;
  // With the forced GC, a sampling heap profile of every isolate (sampling starts at the first).
  sites?: boolean;
  // A periodic probe: isolates whose own full GC came within this are not forced, and the
  // others wait for a quiet spell (runtimes/node/agent/probe-isolate.cts). Absent: force all.
  freshMs?: number;
  // After a gc, fresh allocator figures too (the final probe: the breakdown at the end reads
  // them). Only then: reading them loads koffi, which mid-run, at attribution's first
  // profile, cost leak-rate.mjs 2.8 MiB of RSS and stepped its live heap up by 250 KiB.
  malloc?: boolean;
  // A periodic probe of a process whose live heap is not rising: idle isolates give a bound
  // too, not only busy ones (probe-isolate.cts). Absent: an idle isolate is paused.
  boundIdle?: boolean;
}

export const SOCKET_ENV = 'RSSDOCTOR_AGENT_SOCKET';
export const INTERVAL_ENV = 'RSSDOCTOR_AGENT_INTERVAL_MS';
// How often the Python agent sends allocator figures (the Node agent reads them only at
// controls: runtimes/node/agent/agent.cts).
export const MALLOC_EVERY_ENV = 'RSSDOCTOR_AGENT_MALLOC_EVERY_MS';
// The sampling heap profiler's mean interval; unset or 0: no profile is ever taken.
export const SAMPLING_ENV = 'RSSDOCTOR_AGENT_SAMPLING_BYTES';
// Its value: one sampled allocation per 128 KiB allocated on average (V8's default is
// 32 KiB). A leak that keeps 3 MiB is then about 24 samples. At 512 KiB (Go's rate) it was
// about 6, and in 2 of 22 runs of the worker test in test/cli/attribution.test.ts the
// leaking worker's profile held 0-2 samples and explained under half the growth; the cost difference
// between the two was inside the noise (docs/benchmarks.md). `attach --inspector` uses
// the same.
export const SAMPLING_INTERVAL_BYTES = 128 * 1024;
