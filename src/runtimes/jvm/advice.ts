// JVM: -Xmx against the cgroup limit (or the measured peak), G1PeriodicGCInterval for an
// idle G1 that holds free heap, SoftMaxHeapSize for ZGC and Shenandoah.

import { formatBytes } from '../../format/figures.js';
import { mib, significant, type Advice, type AdviceFacts } from '../../advice/advice.js';

// Heap at 75% of the limit: the rest is the JVM's own native memory (measured offHeap).
const HEAP_SHARE_OF_LIMIT = 0.75;
const PEAK_HEADROOM = 1.5;
// G1PeriodicGCInterval exists from JDK 12 (JEP 346).
const PERIODIC_GC_JDK = 12;
const PERIODIC_GC_MS = 60_000;

export function jvmAdvice(facts: AdviceFacts): Advice[] {
  const out: Advice[] = [];
  if (facts.limitBytes !== null) {
    const heapBytes = facts.limitBytes * HEAP_SHARE_OF_LIMIT - (facts.offHeapBytes ?? 0);
    if (heapBytes > 0) {
      out.push({
        code: 'jvm-xmx',
        text: `-Xmx${mib(heapBytes)}m: 75% of the cgroup limit of ${formatBytes(facts.limitBytes)} less the ${formatBytes(facts.offHeapBytes ?? 0)} measured outside the heap`,
        because: { limitBytes: facts.limitBytes, offHeapBytes: facts.offHeapBytes ?? 0 },
      });
    }
  } else if (facts.verdict === 'leak' && facts.peakRssBytes !== null) {
    out.push({
      code: 'jvm-xmx',
      text: `-Xmx${mib(facts.peakRssBytes * PEAK_HEADROOM)}m (1.5× the measured peak RSS of ${formatBytes(facts.peakRssBytes)}; no cgroup limit) with -XX:+HeapDumpOnOutOfMemoryError: the leak then fails fast and leaves a heap dump that shows what holds it`,
      because: { peakRssBytes: facts.peakRssBytes },
    });
  }
  const heapFreeBytes = facts.heapFreeBytes;
  const idleHeap = significant(heapFreeBytes, facts.rssBytes);
  const collector = facts.jvmCollector ?? '';
  if (
    (facts.verdict === 'retention' || facts.verdict === 'no-gc-yet') &&
    /G1/.test(collector) &&
    (facts.jdkMajor ?? 0) >= PERIODIC_GC_JDK &&
    (idleHeap || facts.verdict === 'no-gc-yet')
  ) {
    out.push({
      code: 'jvm-periodic-gc',
      text: `-XX:G1PeriodicGCInterval=${PERIODIC_GC_MS}: an idle G1 then collects and gives unused heap back to the OS${facts.heapFreeBytes === null ? '' : ` (${formatBytes(facts.heapFreeBytes)} of heap is resident beyond live data)`}`,
      because: { heapFreeBytes: facts.heapFreeBytes ?? 0 },
    });
  }
  if (
    facts.verdict === 'retention' &&
    /\bZ\b|Shenandoah/.test(collector) &&
    heapFreeBytes !== null &&
    idleHeap &&
    facts.liveHeapBytes !== null
  ) {
    out.push({
      code: 'jvm-soft-max-heap',
      text: `-XX:SoftMaxHeapSize=${mib(facts.liveHeapBytes * PEAK_HEADROOM)}m: ${collector} then keeps the heap near 1.5× live data and uncommits the rest (${formatBytes(heapFreeBytes)} is free now)`,
      because: { heapFreeBytes, liveHeapBytes: facts.liveHeapBytes },
    });
  }
  return out;
}
