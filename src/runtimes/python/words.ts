// How explanations name a Python process's memory (see RuntimeWords).

import type { RuntimeWords } from '../runtime-module.js';

// The nominal size of one pymalloc block (objects of at most 512 bytes; CPython counts
// them, sys.getallocatedblocks(), but not their bytes). Must match agent/sitecustomize.py.
export const SMALL_BLOCK_BYTES = 64;

export const PYTHON_WORDS: RuntimeWords = {
  program: 'a Python process',
  live: `the live size after a full collection (the interpreter at start, ${SMALL_BLOCK_BYTES} B per pymalloc block since, and glibc malloc in use)`,
  pointsAre: 'full collections (generation 2)',
  nativeFormula: 'RssAnon − pymalloc blocks − glibc malloc (in use and free) − LazyFree',
  nativeCauses: 'memory outside both allocators (mmap by C extensions, thread stacks) is not freed',
  heldFor: "glibc malloc's free lists and pymalloc arenas with a block still in use",
  fileBacked: 'the interpreter, its shared libraries and extension modules',
  baseline: 'the interpreter',
};
