// How explanations name a Go program's memory (see RuntimeWords).

import type { RuntimeWords } from '../runtime-module.js';

export const GO_WORDS: RuntimeWords = {
  program: 'a Go program',
  live: 'the live heap (H2 of each gctrace line: what the GC marked live)',
  pointsAre: 'GCs in the trace',
  resolution: 'gctrace prints whole MiB',
  nativeFormula: 'RssAnon − Go heap up to its goal − stacks − LazyFree',
  nativeCauses: 'memory outside the Go heap (cgo, C libraries, mmap) is not freed',
  heldFor: 'heap spans the Go scavenger has not returned yet, beyond what GOGC asks for',
  fileBacked: 'the Go binary',
  baseline: 'the Go runtime and the heap up to its goal',
};
