// Node: heap flags, jemalloc when allocator free bytes dominate, freeOSMemory() after
// bursts. Never a blanket MALLOC_ARENA_MAX=2: on a zlib burst it made RSS about 20× worse
// (DESIGN, measured facts), so fewer arenas is not offered as a fix for free bytes.

import { formatBytes } from '../../format/figures.js';
import { mib, significant, type Advice, type AdviceFacts } from '../../advice/advice.js';

// A heap cap leaves the rest of a cgroup limit for everything outside the V8 heap.
const HEAP_SHARE_OF_LIMIT = 0.75;
// Without a limit, a cap at 1.5× the measured peak lets a leak fail fast with a heap OOM
// (and its stack) long before the machine is in trouble, and leaves a steady peak room.
const PEAK_HEADROOM = 1.5;

export function nodeAdvice(facts: AdviceFacts): Advice[] {
  const out: Advice[] = [];
  if (facts.verdict === 'leak') {
    if (facts.limitBytes !== null) {
      out.push({
        code: 'node-max-old-space-size',
        text: `--max-old-space-size=${mib(facts.limitBytes * HEAP_SHARE_OF_LIMIT)}: a leaking heap then fails with a JS heap OOM and a stack trace before the cgroup limit of ${formatBytes(facts.limitBytes)} kills the process`,
        because: { limitBytes: facts.limitBytes },
      });
    } else if (facts.peakRssBytes !== null) {
      out.push({
        code: 'node-max-old-space-size',
        text: `--max-old-space-size=${mib(facts.peakRssBytes * PEAK_HEADROOM)} (1.5× the measured peak RSS of ${formatBytes(facts.peakRssBytes)}; no cgroup limit): the leak then fails fast with a heap OOM and a stack trace; take heap snapshots (node --heapsnapshot-near-heap-limit=2) to find what holds it`,
        because: { peakRssBytes: facts.peakRssBytes },
      });
    }
  }
  if (facts.verdict !== 'leak' && significant(facts.heapFreeBytes, facts.rssBytes)) {
    out.push({
      code: 'node-semi-space',
      text: `V8 holds ${formatBytes(facts.heapFreeBytes)} of heap beyond live data: a smaller young generation (--max-semi-space-size=1..8) or --max-old-space-size trades GC time for RSS; measure it with rssdoctor tune --vary`,
      because: { heapFreeBytes: facts.heapFreeBytes, rssBytes: facts.rssBytes! },
    });
  }
  if (significant(facts.allocatorFreeBytes, facts.anonBytes)) {
    out.push({
      code: 'node-jemalloc',
      text: `glibc malloc holds ${formatBytes(facts.allocatorFreeBytes)} free (of ${formatBytes(facts.anonBytes!)} anon): jemalloc returns free pages on its own; start with LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2 (Debian: libjemalloc2) and check it is loaded with grep jemalloc /proc/PID/maps`,
      because: { allocatorFreeBytes: facts.allocatorFreeBytes, anonBytes: facts.anonBytes! },
    });
  }
  const giveBack = facts.reclaimableBytes ?? facts.allocatorFreeBytes;
  if (giveBack !== null && significant(giveBack, facts.rssBytes)) {
    out.push({
      code: 'node-free-os-memory',
      text: `call freeOSMemory() from rssdoctor/runtime after a burst (a GC, then malloc_trim): ${facts.reclaimableBytes === null ? `glibc holds ${formatBytes(giveBack)} free` : `the release probe gave back ${formatBytes(giveBack)}`}`,
      because:
        facts.reclaimableBytes === null
          ? { allocatorFreeBytes: giveBack }
          : { reclaimableBytes: giveBack },
    });
  }
  return out;
}
