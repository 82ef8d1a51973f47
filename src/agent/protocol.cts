// The agent protocol: NDJSON lines over the run's private unix socket. Field names carry
// their units. rssdoctor stamps each message with its own clock on receipt.

import type { HeapFigures } from './heap-figures.cjs';

export interface HelloMessage {
  t: 'hello';
  pid: number;
  ppid: number;
  argv: string[];
  // The Node agent sends nodeVersion; an agent of another runtime (the Python agent in
  // src/runtimes/python/agent/) names itself and its version.
  nodeVersion?: string;
  runtime?: 'python';
  runtimeVersion?: string;
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

export type AgentMessage =
  HelloMessage | IsolateMessage | HeapMessage | GcMessage | MallocMessage | ControlResultMessage;

export interface ControlMessage {
  t: 'control';
  id: number;
  action: 'gc' | 'release';
}

export const SOCKET_ENV = 'RSSDOCTOR_AGENT_SOCKET';
export const INTERVAL_ENV = 'RSSDOCTOR_AGENT_INTERVAL_MS';
export const MALLOC_EVERY_ENV = 'RSSDOCTOR_AGENT_MALLOC_EVERY_MS';
