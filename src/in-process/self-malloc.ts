// glibc's allocator in this process, loaded once (koffi; the agent's loader). Where koffi
// or glibc is missing the figures are null with the reason.

import { loadMalloc, type Malloc } from '../runtimes/node/agent/malloc.cjs';

let malloc: Malloc | undefined;

export function selfMalloc(): Malloc {
  malloc ??= loadMalloc();
  return malloc;
}
