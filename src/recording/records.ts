// The on-disk recording: one JSON object per line (NDJSON). The first line is the header;
// every later line is a typed record. Fields are added over time, never renamed, and a
// reader skips record types it does not know (with a note). Documented in docs/recording.md.

import type { ErrorCode } from '../errors.js';

export const RECORDING_SCHEMA_VERSION = 1;

// The runtime a process runs, as its source reported it ('other': no runtime source).
export type Runtime = 'node' | 'go' | 'jvm' | 'python' | 'other';

export interface HostFacts {
  hostname: string;
  platform: string;
  kernelRelease: string;
  arch: string;
  cpuCount: number;
  totalMemoryBytes: number;
  nodeVersion: string;
}

export interface HeaderRecord {
  type: 'header';
  schemaVersion: typeof RECORDING_SCHEMA_VERSION;
  tool: 'rssdoctor';
  toolVersion: string;
  command: string[];
  // What was actually started, when it differs: `go run` becomes the built binary.
  spawnedCommand?: string[];
  startedAt: string;
  intervalMs: number;
  host: HostFacts;
  // attach: the process watched, started without rssdoctor (command is its command line).
  attachedPid?: number;
}

// One /proc reading of one process. `tMs` is milliseconds since the run started
// (monotonic clock). The smaps_rollup fields are present only on the rare ticks that read it.
export interface SampleRecord {
  type: 'sample';
  tMs: number;
  pid: number;
  rssBytes: number;
  rssAnonBytes: number;
  rssFileBytes: number;
  rssShmemBytes: number;
  swapBytes: number;
  threads: number;
  // CPU time used so far (utime + stime), from /proc/PID/stat.
  cpuMs?: number;
  pssBytes?: number;
  lazyFreeBytes?: number;
  swapPssBytes?: number;
}

// A garbage collection seen by a runtime source. `liveBytes` is set only for collections
// that measure live data (see DESIGN "What live heap means").
export interface GcRecord {
  type: 'gc';
  tMs: number;
  pid: number;
  threadId?: number;
  kind: 'full' | 'minor';
  forced: boolean;
  liveBytes?: number;
  heapBeforeBytes?: number;
  heapAfterBytes?: number;
  pauseMs?: number;
  count?: number;
  // Go: the heap goal after this GC, and the scanned stacks and globals (1.18+). Whole MiB.
  goalBytes?: number;
  // Go: the concurrent mark's wall time (the middle of gctrace's "ms clock").
  markMs?: number;
  stacksBytes?: number;
  globalsBytes?: number;
  // Why it ran, when the source says. Go: `user` (runtime.GC() or debug.FreeOSMemory in
  // the program, "(forced)") or `periodic` (the 2-minute GC). JVM: the cause as logged
  // ("Allocation Failure", "System.gc()", "Diagnostic Command", …).
  cause?: string;
  // JVM: the collector's name for the event ("young", "mixed", "full", "remark", "cleanup",
  // "cycle") and the heap committed after it.
  jvmKind?: string;
  heapCommittedBytes?: number;
  // Node: the probe that forced it (BoundRecord.probe).
  probe?: number;
}

// A live point that no full GC measured: a busy Node isolate's heap plus external memory at
// their lowest over a short window, an upper bound of its live heap taken instead of pausing
// it, while it stays within `slackBytes` of the isolate's last live point
// (runtimes/node/agent/gc-watch.cts).
export interface BoundRecord {
  type: 'bound';
  tMs: number;
  pid: number;
  threadId?: number;
  liveBytes: number;
  slackBytes: number;
  // Over its slack, the pause put off to the next probe: no live point (analysis/live-series.ts).
  pauseDeferred?: true;
  // The probe it answered: one probe's points, forced or bound, are one round of the live
  // series however long the isolates took in turn. Older recordings lack it.
  probe?: number;
}

// One isolate's heap figures from the Node agent, every tick. `threadId` 0 is the main
// thread; workers have their own isolate and heap.
export interface HeapRecord {
  type: 'heap';
  tMs: number;
  pid: number;
  threadId: number;
  usedHeapBytes: number;
  totalHeapBytes: number;
  // V8's total_physical_size: committed heap pages touched (resident). Older recordings lack it.
  physicalHeapBytes?: number;
  externalBytes: number;
  arrayBuffersBytes: number;
  // V8's heap_size_limit, and the young generation's share of it (three semi-spaces): the
  // live heap meets the limit at their difference, the old generation's cap
  // (--max-old-space-size). Absent in older recordings and through the inspector.
  heapSizeLimitBytes?: number;
  youngGenerationBytes?: number;
}

// glibc malloc figures for one process (mallinfo2), on the smaps_rollup cadence.
export interface MallocRecord {
  type: 'malloc';
  tMs: number;
  pid: number;
  inUseBytes: number;
  freeBytes: number;
  mmapBytes: number;
}

// Go's scavenger returning heap pages to the OS (scavtrace). `releasedBytes` is this
// line's work (background and eager summed); `totalReleasedBytes` is what the heap has
// released in all, where the version prints it.
export interface ScavRecord {
  type: 'scav';
  tMs: number;
  pid: number;
  releasedBytes: number;
  totalReleasedBytes?: number;
  utilPercent?: number;
  forced: boolean;
}

// What was proven about a Go target's trace, read from /proc when the process was found
// and again at the end. `no-gc-yet` needs every one of these to hold.
export interface GoFactsRecord {
  type: 'go';
  tMs: number;
  pid: number;
  // From the binary's build info, e.g. "go1.19.8"; null if build info has no version.
  goVersion: string | null;
  // `gctrace=1` (or more) in GODEBUG in /proc/PID/environ.
  gctraceInEnviron: boolean;
  // /proc/PID/fd/2 is rssdoctor's private trace file: the lines read are this process's.
  stderrIsTraceFile: boolean;
  // No other process in the tree writes a gctrace into the same file.
  traceExclusive: boolean;
  // GOGC from the environment: a percentage, or null for `off`.
  gogcPercent: number | null;
  // GOMEMLIMIT in bytes, or null when unset.
  memoryLimitBytes: number | null;
}

// What is known about a JVM's GC log: its JDK (from the java's `release` file), the
// collector from its "Using …" line (the proof that logging works), and at exit the heap
// used and the young generation's capacity (no-gc-yet compares them).
export interface JvmFactsRecord {
  type: 'jvm';
  tMs: number;
  pid: number;
  jdkVersion: string | null;
  collector: string | null;
  loggingProven: boolean;
  heapUsedBytes: number | null;
  youngCapacityBytes: number | null;
  // The caps the JVM runs under: the heap's ("Heap Max Capacity" in the GC log, -Xmx or
  // the ergonomic default), and -XX:MaxDirectMemorySize and -XX:MaxMetaspaceSize where set
  // on its command line or JAVA_TOOL_OPTIONS. Absent in older recordings.
  maxHeapBytes?: number | null;
  maxDirectBytes?: number | null;
  maxMetaspaceBytes?: number | null;
}

// JVM: the resident part of the Java heap (its address range's Rss in /proc/PID/smaps),
// every few seconds. What the off-heap figure subtracts.
export interface HeapResidentRecord {
  type: 'heap-resident';
  tMs: number;
  pid: number;
  residentBytes: number;
}

// Where one process's anonymous memory lies, from one read of /proc/PID/smaps (the
// `Anonymous:` bytes of each mapping). Read on the smaps cadence for Go and JVM processes
// (their heap has a known address range), for every process with --deep, and once at the
// end of a run. Each byte is counted once: heap range first, then thread stacks, then the rest.
export interface AnonMapRecord {
  type: 'anon-map';
  tMs: number;
  pid: number;
  anonBytes: number;
  lazyFreeBytes: number;
  // Inside the runtime heap's address range (Go's arenas, the Java heap); null if none is known.
  heapBytes: number | null;
  // --deep only: the mappings holding a thread's stack (the main [stack], and each thread's,
  // found from its stack pointer in /proc/PID/task/TID/syscall), outside the heap range.
  stacksBytes: number | null;
  // --deep only: how many threads' stacks were found, of how many threads.
  stacksFound: number | null;
  threads: number | null;
}

// The memory limit of a process's cgroup (v1 memory.limit_in_bytes or v2 memory.max, the
// smallest on the path up to the root), read once when the process is first seen.
export interface MemoryLimitRecord {
  type: 'memory-limit';
  tMs: number;
  pid: number;
  cgroupVersion: 1 | 2 | null;
  // null: no limit (v2 "max", or v1's "unlimited" near 2^63), or the cgroup could not be read.
  limitBytes: number | null;
  cgroupPath: string | null;
  why?: string;
  // `ulimit -v` (RLIMIT_AS, soft) and the VmSize it is counted against, read together.
  // null: unlimited or unreadable; absent in older recordings.
  addressSpaceBytes?: number | null;
  vmSizeBytes?: number | null;
  // The process's memory cgroup directory and its OOM kill count at this reading (the end
  // of the run compares them: see run/oom-killed.ts).
  cgroupDir?: string;
  oomKills?: number | null;
}

// What the demo's load generator measures and writes as its summary.
export interface DemoLoadFigures {
  connections: number;
  ratePerSecond: number;
  messageBytes: number;
  sentMessages: number;
  ackedMessages: number;
  sentBytes: number;
  durationMs: number;
  sentBytesPerSecond: number;
  p50LatencyMs: number | null;
  p99LatencyMs: number | null;
  // The worst ack: what a forced GC's pause adds shows here first.
  maxLatencyMs?: number | null;
}

// `rssdoctor demo`: the scenario and the load's own figures, written before the end record.
export interface DemoRecord extends DemoLoadFigures {
  type: 'demo';
  tMs: number;
  runtime: 'node' | 'go';
  leak: boolean;
  receiverWorkers: number;
  // With --leak the receiver keeps every payload: the rate a leak verdict should find.
  keptBytesPerSecond: number;
}

// An action rssdoctor took on the target (a forced GC, a release), with its measured effect.
export interface ControlRecord {
  type: 'control';
  tMs: number;
  pid: number;
  // A forced full GC, a release (GC then malloc_trim), and RSS once the release settled.
  action: 'gc' | 'release' | 'release-settled';
  rssBeforeBytes?: number;
  rssAfterBytes?: number;
  durationMs?: number;
}

// Attribution: how a profile names the code that keeps memory. V8's sampling heap profiler
// (Node, per isolate), Go's heap profile (net/http/pprof's heap?gc=1), the JVM's class
// histogram (GC.class_histogram).
export type SitesMethod = 'v8-sampling-heap-profile' | 'go-heap-profile' | 'jvm-class-histogram';

// One place the profile charges bytes to: a function with its file and line (where the
// function starts for V8, the allocating line for Go), or a class for the JVM.
export interface SiteBytes {
  function: string | null;
  file: string | null;
  line: number | null;
  className?: string;
  bytes: number;
}

// One profile, taken right after a full GC (forced with it), so that its bytes are what is
// kept: the live part of the heap per site. The growth between two of these is what
// report/attribution.ts ranks. Only the largest sites are kept; the rest is summed.
export interface SitesRecord {
  type: 'sites';
  tMs: number;
  pid: number;
  // Node: the isolate (0 is the main thread).
  threadId?: number;
  method: SitesMethod;
  // All bytes the profile holds (kept sites and the omitted ones).
  totalBytes: number;
  sites: SiteBytes[];
  omittedSites: number;
  omittedBytes: number;
  // What taking it paused the target (the JVM histogram's full GC), where measured.
  pauseMs?: number;
}

// Something worth knowing that is not a measurement: a process appearing or leaving the
// tree, a source that could not be read, a line that did not parse.
// Every note's code (a recording from another version may hold others: a reader must not
// assume the list is closed at run time): a typo fails the type check, and a reader can switch on them.
export type NoteCode =
  | 'agent.hello'
  | 'agent.isolate.start'
  | 'agent.isolate.exit'
  // attach: the runtime reached in the process, what it could not reach (the verdict is
  // then OS level), a process of another user, and the inspector rssdoctor opened.
  | 'attach.runtime'
  | 'attach.osLevel'
  | 'attach.denied'
  | 'attach.inspectorOpen'
  | 'probe.release'
  | 'process.start'
  | 'process.exit'
  | 'process.rename'
  | 'run.endStepFailed'
  | 'source.agentMalformed'
  | 'source.goTraceMalformed'
  | 'source.goTraceShared'
  | 'source.jvmAttachFailed'
  | 'source.jvmLogMalformed'
  | 'source.jvmNotLogged'
  | 'source.jvmTrimUnavailable'
  | 'source.jvmVersionUnknown'
  | 'source.jvmLogPathUnusable'
  | 'source.liveUnavailable'
  | 'source.mallocUnavailable'
  | 'source.procDenied'
  | 'source.procError'
  // Attribution: a profile that could not be taken (the reason says why).
  | 'source.sitesUnavailable'
  // A run that could not start says why with the error's own code.
  | ErrorCode;

export interface NoteRecord {
  type: 'note';
  tMs: number;
  code: NoteCode;
  text: string;
  pid?: number;
  ppid?: number;
  name?: string;
  threadId?: number;
  // Set on `agent.hello`: the runtime this process reported.
  runtime?: Exclude<Runtime, 'other'>;
}

export interface EndRecord {
  type: 'end';
  tMs: number;
  exitCode: number | null;
  signal: string | null;
  // The kernel's OOM killer killed the target: SIGKILL while its cgroup's OOM kill count
  // rose. Absent when the target was not killed by SIGKILL, or in older recordings.
  oomKilled?: boolean;
  // --duration ended the run.
  timedOut: boolean;
  // Ctrl-C (run: forwarded to the target; attach: the watch ended).
  interrupted: boolean;
  targetExited: boolean;
  // The library's stop() ended the run (absent otherwise, and in older recordings).
  stopped?: boolean;
}

export type BodyRecord =
  | SampleRecord
  | GcRecord
  | BoundRecord
  | HeapRecord
  | MallocRecord
  | ScavRecord
  | GoFactsRecord
  | JvmFactsRecord
  | HeapResidentRecord
  | DemoRecord
  | AnonMapRecord
  | MemoryLimitRecord
  | ControlRecord
  | SitesRecord
  | NoteRecord
  | EndRecord;
export type RecordingRecord = HeaderRecord | BodyRecord;
