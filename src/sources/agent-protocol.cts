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
  // Set when this process cannot report live points (no v8.GCProfiler).
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

// A full GC (MarkSweepCompact) with the live bytes after it, or minor GCs summed per tick.
export interface GcMessage {
  t: 'gc';
  pid: number;
  threadId: number;
  kind: 'full' | 'minor';
  forced: boolean;
  count: number;
  pauseMs: number;
  heapBeforeBytes?: number;
  heapAfterBytes?: number;
  liveBytes?: number;
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
  action: 'gc' | 'release';
  // Absent when the agent could not read its RSS: never a 0 that reads as all released.
  rssBeforeBytes?: number;
  rssAfterBytes?: number;
  durationMs: number;
  trimmed: boolean;
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
  | MallocMessage
  | ControlResultMessage
  | SitesMessage;

export interface ControlMessage {
  t: 'control';
  id: number;
  action: 'gc' | 'release';
  // With the forced GC, a sampling heap profile of every isolate (sampling starts at the first).
  sites?: boolean;
}

export const SOCKET_ENV = 'RSSDOCTOR_AGENT_SOCKET';
export const INTERVAL_ENV = 'RSSDOCTOR_AGENT_INTERVAL_MS';
export const MALLOC_EVERY_ENV = 'RSSDOCTOR_AGENT_MALLOC_EVERY_MS';
// The sampling heap profiler's mean interval; unset or 0: no profile is ever taken.
export const SAMPLING_ENV = 'RSSDOCTOR_AGENT_SAMPLING_BYTES';
// Its value: one sampled allocation per 512 KiB allocated on average, Go's default rate
// (V8's is 32 KiB). At 128 KiB the demo receiver under full load lost 7.6% of its
// throughput to attribution (docs/benchmarks.md); a leak that keeps 1 MiB is now about 2
// samples, and one that keeps 10 MiB about 20. `attach --inspector` uses the same.
export const SAMPLING_INTERVAL_BYTES = 512 * 1024;
