// For bench/forced-gc-regime.mjs: one full GC of the main thread's isolate on SIGUSR2,
// through the same --expose-gc route as the agent (src/runtimes/node/agent/full-gc.cts).
/* global require */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { isMainThread } = require('node:worker_threads');

if (isMainThread) {
  process.on('SIGUSR2', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('node:v8').setFlagsFromString('--expose-gc');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('node:vm').runInNewContext('gc')();
  });
}
