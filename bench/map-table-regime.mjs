// Why one forced full GC changes how V8 runs the demo receiver (docs/benchmarks.md): a Map
// used as a queue (set, delete, set…) is rehashed over and over, and V8 allocates each new
// table in the generation the old one lives in. While the table is young it stays young;
// once a full GC has moved it to the old generation, every rehash allocates there, and
// the old generation grows until the next full GC. The receiver's map of messages waiting
// for a worker is such a Map. Prints the old space's used MiB every 250 ms, with one full
// GC at 1 s.
// Run: node --expose-gc bench/map-table-regime.mjs
import { setImmediate } from 'node:timers';
import * as v8 from 'node:v8';

const oldSpaceMiB = () =>
  v8.getHeapSpaceStatistics().find((space) => space.space_name === 'old_space').space_used_size /
  1048576;
const waiting = new Map();
let id = 0;
const startedMs = Date.now();
let forced = false;
let nextPrintMs = 0;
function step() {
  for (let i = 0; i < 2000; i++) {
    waiting.set(id, i);
    if (waiting.size > 40) waiting.delete(id - 40);
    id++;
  }
  const tMs = Date.now() - startedMs;
  if (!forced && tMs > 1000) {
    forced = true;
    globalThis.gc();
    console.log(`${tMs} ms: one full GC; old space ${oldSpaceMiB().toFixed(2)} MiB after it`);
  }
  if (tMs >= nextPrintMs) {
    console.log(`${tMs} ms: old space ${oldSpaceMiB().toFixed(2)} MiB`);
    nextPrintMs += 250;
  }
  if (tMs < 2500) setImmediate(step);
}
step();
