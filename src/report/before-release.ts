// The release probe (--probe-release, or the demo's fix) acts on the program at the end:
// a forced GC, malloc_trim, debug.FreeOSMemory(). What is measured after it began is the
// probe's doing, not the program's: a Go GC forced by it would otherwise undo the proof
// that no GC ran (no-gc-yet), and the RSS it gave back would read as a fall. The verdict
// and the breakdown read the measurements from before it; its own control records, the
// notes and the end stay.

import type { BodyRecord } from '../recording/records.js';

const MEASUREMENTS: ReadonlySet<BodyRecord['type']> = new Set([
  'sample',
  'gc',
  'heap',
  'malloc',
  'scav',
  'heap-resident',
  'anon-map',
]);

export function beforeRelease(records: readonly BodyRecord[]): readonly BodyRecord[] {
  const start = records.find((record) => record.type === 'note' && record.code === 'probe.release');
  if (start === undefined) return records;
  return records.filter((record) => record.tMs < start.tMs || !MEASUREMENTS.has(record.type));
}
