// Where a Go heap lives on 64-bit Linux: the runtime asks for its arenas at hint addresses
// i<<40 | 0x00c0<<32 (runtime/malloc.go, mallocinit), growing up from the first that
// succeeds, so a heap under 256 GiB sits in [0xc000000000, 0x10000000000). Goroutine and
// (without cgo) OS-thread stacks are spans of the same heap. Only the first four hints are
// taken: later ones (up to 0x7fc000000000) overlap where the kernel puts ordinary mmaps.

import type { AddressRange } from '../../sources/address-range.js';

const HINTS = 4;
const HINT_SPAN = 0x40n << 32n;

export const GO_ARENA_RANGES: readonly AddressRange[] = Array.from({ length: HINTS }, (_, i) => {
  const start = (BigInt(i) << 40n) | (0xc0n << 32n);
  return { start, end: start + HINT_SPAN };
});
