import { emptyRecordLists, type ProcessRecordLists } from '../analysis/process-findings.js';
import type { BodyRecord, Runtime } from '../recording/records.js';

export interface ProcessGroup extends ProcessRecordLists {
  runtime: Runtime;
  name: string | null;
  // Worker thread ids seen (0, the main thread, excluded).
  threads: Set<number>;
  // Why its allocator figures are missing (the first such note), for the breakdown.
  mallocWhy: string | null;
}

// Splits the records by process, in order of first appearance (so the root comes first).
export function groupByProcess(records: readonly BodyRecord[]): Map<number, ProcessGroup> {
  const groups = new Map<number, ProcessGroup>();
  const groupOf = (pid: number): ProcessGroup => {
    let group = groups.get(pid);
    if (group === undefined) {
      group = {
        runtime: 'other',
        name: null,
        threads: new Set(),
        mallocWhy: null,
        ...emptyRecordLists(),
      };
      groups.set(pid, group);
    }
    return group;
  };
  for (const record of records) {
    if (record.type === 'sample') groupOf(record.pid).samples.push(record);
    else if (record.type === 'gc') groupOf(record.pid).gcs.push(record);
    else if (record.type === 'bound') groupOf(record.pid).bounds.push(record);
    else if (record.type === 'scav') groupOf(record.pid).scavs.push(record);
    else if (record.type === 'go') {
      const group = groupOf(record.pid);
      group.goFacts = record;
      group.runtime = 'go';
    } else if (record.type === 'jvm') {
      const group = groupOf(record.pid);
      group.jvmFacts = record;
      group.runtime = 'jvm';
    } else if (record.type === 'heap-resident') {
      groupOf(record.pid).heapResidents.push(record);
    } else if (record.type === 'malloc') groupOf(record.pid).mallocs.push(record);
    else if (record.type === 'anon-map') groupOf(record.pid).anonMaps.push(record);
    else if (record.type === 'control') groupOf(record.pid).controls.push(record);
    else if (record.type === 'sites') groupOf(record.pid).sites.push(record);
    else if (record.type === 'memory-limit') groupOf(record.pid).memoryLimit = record;
    else if (record.type === 'heap') {
      const group = groupOf(record.pid);
      group.heaps.push(record);
      if (record.threadId !== 0) group.threads.add(record.threadId);
    } else if (record.type === 'note' && record.pid !== undefined) {
      if (record.code === 'process.start') groupOf(record.pid).name ??= record.name ?? null;
      // The latest name a process gave itself is the one people know it by.
      if (record.code === 'process.rename') groupOf(record.pid).name = record.name ?? null;
      // The agent names its runtime; so does attach, for the runtime it reached.
      const names = record.code === 'agent.hello' || record.code === 'attach.runtime';
      if (names && record.runtime !== undefined) {
        groupOf(record.pid).runtime = record.runtime;
      }
      if (record.code === 'source.mallocUnavailable') groupOf(record.pid).mallocWhy ??= record.text;
    }
  }
  return groups;
}
