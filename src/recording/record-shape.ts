import type { BodyRecord } from './records.js';

export type CheckedRecord =
  { kind: 'record'; record: BodyRecord } | { kind: 'unknown'; type: string } | { kind: 'invalid' };

// Checks the fields each known record type needs before the analysis trusts it.
// Unknown types are reported separately so that a newer writer's records are skipped, not
// counted as corruption.
export function checkBodyRecord(value: unknown): CheckedRecord {
  if (typeof value !== 'object' || value === null) return { kind: 'invalid' };
  const record = value as Record<string, unknown>;
  if (typeof record.type !== 'string' || typeof record.tMs !== 'number') return { kind: 'invalid' };
  const required = REQUIRED_NUMBERS[record.type];
  if (required === undefined) return { kind: 'unknown', type: record.type };
  for (const field of required) {
    if (typeof record[field] !== 'number' || !Number.isFinite(record[field])) {
      return { kind: 'invalid' };
    }
  }
  for (const field of REQUIRED_STRINGS[record.type] ?? []) {
    if (typeof record[field] !== 'string') return { kind: 'invalid' };
  }
  if (record.type === 'sites' && !validSites(record.sites)) return { kind: 'invalid' };
  return { kind: 'record', record: value as BodyRecord };
}

// What every stage downstream reads without a check: a note's code and text (grouping,
// the live view, the report's notes), a control's action, a GC's kind.
const REQUIRED_STRINGS: Record<string, readonly string[]> = {
  note: ['code', 'text'],
  control: ['action'],
  gc: ['kind'],
  sites: ['method'],
};

// A profile's sites are summed and ranked downstream: each needs its bytes, and names that
// are strings or null.
function validSites(sites: unknown): boolean {
  if (!Array.isArray(sites)) return false;
  return sites.every((site: unknown) => {
    if (typeof site !== 'object' || site === null) return false;
    const { bytes, function: name, file, line } = site as Record<string, unknown>;
    return (
      typeof bytes === 'number' &&
      Number.isFinite(bytes) &&
      (name === null || typeof name === 'string') &&
      (file === null || typeof file === 'string') &&
      (line === null || typeof line === 'number')
    );
  });
}

const REQUIRED_NUMBERS: Record<string, readonly string[]> = {
  sample: ['pid', 'rssBytes', 'rssAnonBytes', 'rssFileBytes', 'rssShmemBytes', 'swapBytes'],
  gc: ['pid'],
  bound: ['pid', 'liveBytes', 'slackBytes'],
  heap: ['pid', 'threadId', 'usedHeapBytes', 'totalHeapBytes', 'externalBytes'],
  malloc: ['pid', 'inUseBytes', 'freeBytes'],
  scav: ['pid', 'releasedBytes'],
  go: ['pid'],
  jvm: ['pid'],
  'heap-resident': ['pid', 'residentBytes'],
  'anon-map': ['pid', 'anonBytes', 'lazyFreeBytes'],
  'memory-limit': ['pid'],
  demo: ['sentMessages', 'sentBytesPerSecond', 'keptBytesPerSecond'],
  control: ['pid'],
  sites: ['pid', 'totalBytes', 'omittedSites', 'omittedBytes'],
  note: [],
  end: [],
};
