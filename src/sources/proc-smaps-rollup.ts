// /proc/PID/smaps_rollup: read rarely. The kernel walks every mapping under the target's
// mmap lock to produce it (16 ms for a 2 GiB heap, measured for DESIGN), which stalls a target that
// maps memory meanwhile. Gives Pss (for tree totals), LazyFree and swap. Linux ≥ 4.14.

import { parseKbFields, readProcFile, type ProcRead } from './proc-read.js';

export interface SmapsRollup {
  pssBytes: number;
  lazyFreeBytes: number;
  swapPssBytes: number;
}

export function parseSmapsRollup(text: string): SmapsRollup | null {
  const kb = parseKbFields(text);
  const pssBytes = kb.get('Pss');
  if (pssBytes === undefined) return null;
  return {
    pssBytes,
    lazyFreeBytes: kb.get('LazyFree') ?? 0,
    swapPssBytes: kb.get('SwapPss') ?? 0,
  };
}

export type SmapsRead = { ok: true; rollup: SmapsRollup | null } | Exclude<ProcRead, { ok: true }>;

export function readSmapsRollup(pid: number): SmapsRead {
  const read = readProcFile(`/proc/${pid}/smaps_rollup`);
  if (!read.ok) return read;
  return { ok: true, rollup: parseSmapsRollup(read.text) };
}
