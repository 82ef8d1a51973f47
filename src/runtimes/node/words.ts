// How explanations name a Node process's memory (see RuntimeWords).

import type { RuntimeWords } from '../runtime-module.js';

export const NODE_WORDS: RuntimeWords = {
  program: 'a Node process',
  live: 'live data (what survives a full GC: JS heap plus the Buffers it keeps)',
  pointsAre: 'full GCs',
  nativeFormula: 'RssAnon − V8 heap − external − LazyFree',
  nativeCauses: 'native allocations (addons, FFI, C libraries) are not freed',
  heldFor: 'V8 free pages and young generation, glibc free lists',
  fileBacked: 'the node binary and its libraries',
  baseline: 'the main thread',
};
