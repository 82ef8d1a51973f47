// Every limit one process runs under: its runtime's (RuntimeModule.caps), its cgroup's,
// `ulimit -v`, and the machine's memory when no cgroup limits it.

import type { MemoryCap } from '../analysis/memory-cap.js';
import type { ProcessRecordLists } from '../analysis/process-findings.js';
import type { Runtime } from '../recording/records.js';
import { runtimeModule } from '../runtimes/registry.js';

export function capsOf(
  lists: ProcessRecordLists,
  runtime: Runtime,
  machineBytes: number | null,
): MemoryCap[] {
  const caps = [...(runtimeModule(runtime)?.caps?.(lists) ?? [])];
  const limit = lists.memoryLimit;
  if (limit?.limitBytes != null) {
    caps.push({
      kind: 'cgroup',
      limitBytes: limit.limitBytes,
      against: 'rss',
      name: `the cgroup's ${limit.cgroupVersion === 1 ? 'memory.limit_in_bytes' : 'memory.max'} (shared by the processes in it)`,
    });
  } else if (machineBytes !== null && machineBytes > 0) {
    caps.push({
      kind: 'machine',
      limitBytes: machineBytes,
      against: 'rss',
      name: "the machine's memory (other processes not counted)",
    });
  }
  if (limit?.addressSpaceBytes != null && limit.vmSizeBytes != null) {
    const atRead = lists.samples.find((sample) => sample.tMs >= limit.tMs) ?? lists.samples[0];
    caps.push({
      kind: 'address-space',
      limitBytes: limit.addressSpaceBytes,
      against: 'vm',
      name: 'the address-space limit (ulimit -v)',
      offsetBytes: Math.max(0, limit.vmSizeBytes - (atRead?.rssBytes ?? 0)),
    });
  }
  return caps;
}
