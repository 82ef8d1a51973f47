// What a Python process accounts for at each tick: pymalloc's small objects (nominal, see
// agent/sitecustomize.py) plus everything glibc malloc holds, in use or free. What RssAnon
// has beyond it is the interpreter's own, thread stacks, and mmaps outside malloc.

import type { HeapRecord } from '../../recording/records.js';
import type { Series } from '../../analysis/series.js';

export function pythonAccounted(heaps: readonly HeapRecord[]): Series {
  return { tMs: heaps.map((heap) => heap.tMs), values: heaps.map((heap) => heap.totalHeapBytes) };
}
