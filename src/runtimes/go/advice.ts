// Go: runtime.GC() at start for no-gc-yet (the seed's remedy), GOGC / debug.SetGCPercent
// when the heap holds much beyond live data, GOMEMLIMIT against a cgroup limit (or the
// measured peak), debug.FreeOSMemory after bursts.

import { GO_FIRST_TRIGGER_BYTES } from './findings.js';
import { formatBytes } from '../../format/figures.js';
import { mib, significant, type Advice, type AdviceFacts } from '../../advice/advice.js';

const DEFAULT_GOGC = 100;
// A soft limit at 90% of the cgroup's leaves room for what the runtime does not count.
const MEMLIMIT_SHARE_OF_LIMIT = 0.9;
const PEAK_HEADROOM = 1.25;

export function goAdvice(facts: AdviceFacts): Advice[] {
  const out: Advice[] = [];
  const gogc = facts.gogcPercent ?? DEFAULT_GOGC;
  if (facts.verdict === 'no-gc-yet') {
    const triggerBytes = (GO_FIRST_TRIGGER_BYTES * gogc) / 100;
    out.push({
      code: 'go-gc-at-start',
      text: `no GC has run: the first comes at a ${formatBytes(triggerBytes)} heap (4 MiB × GOGC/100). Call runtime.GC() once after start-up, or set GOGC lower (GOGC=50 halves the first trigger); RSS then stops creeping`,
      because: { firstTriggerBytes: triggerBytes },
    });
  }
  if (facts.verdict !== 'leak' && significant(facts.heapFreeBytes, facts.rssBytes)) {
    out.push({
      code: 'go-gogc',
      text: `the heap holds ${formatBytes(facts.heapFreeBytes)} beyond its live ${formatBytes(facts.liveHeapBytes ?? 0)}: with GOGC=${gogc} it may grow to ${(1 + gogc / 100).toFixed(1)}× live before a GC. A lower GOGC (or debug.SetGCPercent) trades CPU for RSS: measure with rssdoctor tune --vary 'GOGC=50|${gogc}'`,
      because: { heapFreeBytes: facts.heapFreeBytes, gogcPercent: gogc },
    });
  }
  if (facts.goMemoryLimitBytes === null && facts.verdict !== 'no-gc-yet') {
    if (facts.limitBytes !== null) {
      out.push({
        code: 'go-memlimit',
        text: `GOMEMLIMIT=${mib(facts.limitBytes * MEMLIMIT_SHARE_OF_LIMIT)}MiB (90% of the cgroup limit of ${formatBytes(facts.limitBytes)}): the GC then works harder near the limit instead of the kernel killing the process`,
        because: { limitBytes: facts.limitBytes },
      });
    } else if (facts.peakRssBytes !== null && facts.verdict !== 'leak') {
      out.push({
        code: 'go-memlimit',
        text: `GOMEMLIMIT=${mib(facts.peakRssBytes * PEAK_HEADROOM)}MiB (1.25× the measured peak RSS of ${formatBytes(facts.peakRssBytes)}; no cgroup limit) caps the heap's growth without lowering GOGC for the common case`,
        because: { peakRssBytes: facts.peakRssBytes },
      });
    }
  }
  const idle = (facts.heapFreeBytes ?? 0) + (facts.lazyFreeBytes ?? 0);
  if (facts.verdict === 'retention' && significant(idle, facts.rssBytes)) {
    out.push({
      code: 'go-free-os-memory',
      text: `call debug.FreeOSMemory() after a burst: ${formatBytes(idle)} of heap is free or freed lazily, and the background scavenger returns it only slowly`,
      because: { heapFreeBytes: facts.heapFreeBytes ?? 0, lazyFreeBytes: facts.lazyFreeBytes ?? 0 },
    });
  }
  return out;
}
