// Why one forced full GC changes how V8 runs the demo receiver (docs/benchmarks.md): a Map
// used as a queue (set, delete, set…) is rehashed over and over, and V8 allocates each new
// table in the generation the old one lives in. While the table is young it stays young;
// once a full GC has moved it to the old generation, every rehash allocates there, and
// the old generation grows until the next full GC. The receiver's map of messages waiting
// for a worker is such a Map. Prints the old space's used MiB every 250 ms, with one full
// GC at 1 s. With --minor, two scavenges in a row instead: the second promotes what
// survived the first, the table among it, as a bound that scavenged used to do
// (runtimes/node/agent/gc-watch.cts).
// Run: node --expose-gc bench/map-table-regime.mjs [--minor]
import { setImmediate } from 'node:timers';
import * as v8 from 'node:v8';

const oldSpaceMiB = () =>
  v8.getHeapSpaceStatistics().find((space) => space.space_name === 'old_space').space_used_size /
  1048576;
const MINOR = process.argv.includes('--minor');
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
    if (MINOR) {
      globalThis.gc({ type: 'minor' });
      globalThis.gc({ type: 'minor' });
    } else globalThis.gc();
    const what = MINOR ? 'two scavenges' : 'one full GC';
    console.log(`${tMs} ms: ${what}; old space ${oldSpaceMiB().toFixed(2)} MiB after it`);
  }
  if (tMs >= nextPrintMs) {
    console.log(`${tMs} ms: old space ${oldSpaceMiB().toFixed(2)} MiB`);
    nextPrintMs += 250;
  }
  if (tMs < 2500) setImmediate(step);
}
step();
