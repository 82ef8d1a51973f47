// The agent's GC observation before issue 19's fix, for bench/agent-parts.mjs to price:
// a v8.GCProfiler in every isolate, stopped and replaced every 10 s. Node's stop() leaves
// the stopped profiler's GC callbacks installed until the profiler object is itself
// collected, so each one goes on recording every GC.
/* global require */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const v8 = require('node:v8');

let profiler = new v8.GCProfiler();
profiler.start();
setInterval(() => {
  profiler.stop();
  profiler = new v8.GCProfiler();
  profiler.start();
}, 10_000).unref();
