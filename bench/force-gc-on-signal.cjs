// For bench/forced-gc-regime.mjs: one full GC of the main thread's isolate on SIGUSR2,
// by the agent's own route (dist/runtimes/node/agent/full-gc.cjs; run after npm run build).
/* global require, __dirname */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { isMainThread } = require('node:worker_threads');

if (isMainThread) {
  process.on('SIGUSR2', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(`${__dirname}/../dist/runtimes/node/agent/full-gc.cjs`).fullGc();
  });
}
