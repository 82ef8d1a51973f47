// Report v1: the one result of a run, the same shape whether the run succeeded, failed or
// the target died. Its JSON is a contract: fields are added, never renamed.
// Schema: schema/report-v1.schema.json; prose: docs/report.md.

import type { SiteGrowth } from '../analysis/site-growth.js';
import type { DataQualityNote } from '../recording/data-quality.js';
import type { DemoRecord, SitesMethod } from '../recording/records.js';
import type { Reason } from '../verdict/reason.js';
import type { MemoryCap } from '../analysis/memory-cap.js';
import type { Projection } from './projection.js';
export type { MemoryCap } from '../analysis/memory-cap.js';
export type { Projection } from './projection.js';
import type { Runtime, Verdict } from '../verdict/verdicts.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface BreakdownPart {
  bytes: number | null;
  // `resident`: counted in RSS by the kernel. `upperBound`: committed, maybe not resident.
  kind: 'resident' | 'upperBound';
  // Set on the parts that split anon; with `unexplained` they sum to anon.
  within?: 'anon';
  why?: string;
}

export interface Breakdown {
  rssBytes: number | null;
  // Beside RSS, never inside it.
  swapBytes: number | null;
  parts: Record<string, BreakdownPart>;
}

export type { Advice } from '../advice/advice.js';
import type { Advice } from '../advice/advice.js';

// --probe-release: what a forced GC and malloc_trim gave back at the end (Node), or the
// in-program call that does the same (Go, the JVM).
export interface ReleaseProbe {
  pid: number;
  runtime: Runtime;
  measured: boolean;
  rssBeforeBytes: number | null;
  rssAfterGcBytes: number | null;
  rssAfterTrimBytes: number | null;
  // RSS a second after the release: whether what was given back stayed given back.
  rssSettledBytes: number | null;
  reclaimableBytes: number | null;
  // Of rssBeforeBytes.
  reclaimableFraction: number | null;
  call: string | null;
  text: string;
}

export interface RunSummary {
  command: string[];
  durationMs: number;
  samples: number;
  livePoints: number;
  forcedGcs: number;
  targetExited: boolean;
  exitCode: number | null;
  signal: string | null;
  // The kernel's OOM killer killed the target (its cgroup's OOM kill count rose).
  oomKilled: boolean;
  // --duration ended it; Ctrl-C did; the library's stop() did (tune, a caller).
  timedOut: boolean;
  interrupted: boolean;
  stopped: boolean;
  truncated: boolean;
  recordingPath: string | null;
  // attach: the process watched, started without rssdoctor (absent for a run).
  attachedPid?: number;
}

// One site of the retained growth (report/attribution.ts): a function with its file and
// line, or a class (the JVM's unit), and its growth.
export interface AttributionSite extends SiteGrowth {
  // Of the live-heap growth between the same instants; null when the live heap did not grow.
  shareOfLiveGrowth: number | null;
}

// Where the live heap grew: the sites whose kept bytes grew most between the first and the
// last profile of the verdict's process, each taken right after a full GC. `missing` says
// why none were compared (--passive, a runtime rssdoctor does not profile, an option to add).
export interface Attribution {
  status: 'found' | 'missing';
  method: SitesMethod | null;
  pid: number | null;
  // Milliseconds since the start of the run.
  fromMs: number | null;
  toMs: number | null;
  profiles: number;
  // The verdict's live series between the two instants, and what the growing sites add up to.
  liveGrowthBytes: number | null;
  grownBytes: number | null;
  // The top five sites' share of liveGrowthBytes.
  topFiveShare: number | null;
  // Largest first, at most twenty.
  sites: AttributionSite[];
  // The longest pause one profile cost the target, where measured.
  maxPauseMs: number | null;
  text: string;
}

export interface ProcessReport {
  pid: number;
  name: string | null;
  runtime: Runtime;
  verdict: Verdict;
  confidence: number;
  reasons: Reason[];
  samples: number;
  peakRssBytes: number | null;
  lastRssBytes: number | null;
}

export interface TreeSummary {
  processes: number;
  // Sum of Pss over the tree at the last smaps_rollup reading: shared pages counted once.
  pssBytes: number | null;
}

// The demo's figures live in the recording (a `demo` record), so that `rssdoctor report`
// of a demo recording gives them too.
export type { DemoLoadFigures } from '../recording/records.js';
export type DemoSummary = Omit<DemoRecord, 'type' | 'tMs'>;

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  verdict: Verdict;
  confidence: number;
  pid: number | null;
  runtime: Runtime;
  reasons: Reason[];
  breakdown: Breakdown;
  advice: Advice[];
  dataQuality: DataQualityNote[];
  run: RunSummary;
  processes: ProcessReport[];
  tree: TreeSummary;
  attribution: Attribution;
  // The limits the verdict's process runs under, and when its growth meets the first
  // (null when it is not growing toward any: see report/projection.ts).
  limits: MemoryCap[];
  projection: Projection | null;
  // Only with --probe-release.
  probeRelease?: ReleaseProbe;
  // Only from `rssdoctor demo`.
  demo?: DemoSummary;
}
