// Python: tracemalloc names the line that keeps a leak's objects; glibc's free lists are
// what a Python process holds beyond its objects, given back by malloc_trim or jemalloc.

import { formatBytes } from '../../format/figures.js';
import { significant, type Advice, type AdviceFacts } from '../../advice/advice.js';

export function pythonAdvice(facts: AdviceFacts): Advice[] {
  const out: Advice[] = [];
  if (facts.verdict === 'leak' && facts.liveHeapBytes !== null) {
    out.push({
      code: 'python-tracemalloc',
      text:
        'find the line that keeps them: start with PYTHONTRACEMALLOC=1, take ' +
        'tracemalloc.take_snapshot() twice a minute apart, and print ' +
        "second.compare_to(first, 'lineno')[:10] (tracemalloc slows allocation, so not in production for long)",
      because: { liveHeapBytes: facts.liveHeapBytes },
    });
  }
  if (significant(facts.allocatorFreeBytes, facts.anonBytes)) {
    out.push({
      code: 'python-malloc-trim',
      text:
        `glibc malloc holds ${formatBytes(facts.allocatorFreeBytes)} free (of ${formatBytes(facts.anonBytes!)} anon): ` +
        'after a burst, ctypes.CDLL(None).malloc_trim(0) gives it back; or run under jemalloc ' +
        '(LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2, Debian: libjemalloc2)',
      because: { allocatorFreeBytes: facts.allocatorFreeBytes, anonBytes: facts.anonBytes! },
    });
  }
  return out;
}
