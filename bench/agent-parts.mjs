// Which part of the Node agent costs what (issue 19). Two halves:
// 1. Each part timed alone in this process, per call: the heap figures (every tick), the
//    old-generation read (a natural full GC's live point), a BroadcastChannel post and a
//    socket line (a few per tick), a forced full GC.
// 2. The demo receiver's RSS idle a second after start (the agent's fixed cost), then its
//    peak RSS (VmHWM) and CPU per message under load (5 workers, 16 connections, full load,
//    --load-ms) with no agent, with the agent as shipped (a sentinel per full GC, koffi
//    loaded only at the final probe or a release), with a copy that loads koffi at start
//    (as it did before), with a copy that loads every module and starts nothing (what
//    loading alone costs), with a copy that observes no GC, and with that copy
//    beside each way of observing GCs one by one that the agent tried (gc-watch.cts): a
//    v8.GCProfiler cycled every 10 s, and PerformanceObserver `gc` entries. Each grows a
//    busy receiver over time, which the 8 s load this bench ran before hid. Each agent talks
//    to a socket that only reads; patched copies live in a temporary directory, never in
//    dist/.
// Run: npm run build && node bench/agent-parts.mjs [rounds] [--load-ms N] [--only a,b]
//    (--only: variant keys, e.g. none,shipped,koffi)
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BroadcastChannel } from 'node:worker_threads';
import * as v8 from 'node:v8';
import { median } from './bootstrap.mjs';
import { cpuMs, peakRssMiB, rssMiB, sleep, waitFor } from './proc-figures.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'load-ms': { type: 'string', default: '30000' }, only: { type: 'string' } },
});
const ROUNDS = Number(positionals[0] ?? 3);
const LOAD_MS = Number(values['load-ms']);
const AGENT = path.join(root, 'dist/runtimes/node/agent');
const require = (await import('node:module')).createRequire(import.meta.url);
const { heapFigures } = require(path.join(AGENT, 'heap-figures.cjs'));
const { fullGc } = require(path.join(AGENT, 'full-gc.cjs'));

// --- 1. each part alone ---------------------------------------------------------------
function microsPerCall(calls, run) {
  const started = performance.now();
  for (let i = 0; i < calls; i++) run(i);
  return ((performance.now() - started) * 1000) / calls;
}

const channel = new BroadcastChannel('rssdoctor-bench-parts');
const message = { t: 'heap', pid: 1, threadId: 1, ...heapFigures() };
const parts = [
  ['heap figures (getHeapStatistics, memoryUsage)', microsPerCall(5000, () => heapFigures())],
  [
    'old generation read (getHeapSpaceStatistics)',
    microsPerCall(5000, () => v8.getHeapSpaceStatistics()),
  ],
  ['BroadcastChannel post', microsPerCall(5000, () => channel.postMessage(message))],
  ['socket line (JSON.stringify)', microsPerCall(5000, () => JSON.stringify(message) + '\n')],
  ['forced full GC (this small heap)', microsPerCall(20, () => fullGc())],
];
channel.close();

// --- 2. the receiver with each agent ---------------------------------------------------
const work = mkdtempSync(path.join(tmpdir(), 'rssdoctor-bench-parts-'));
function patchedAgent(name, file, from, to) {
  const dir = path.join(work, name);
  cpSync(path.join(root, 'dist'), dir, { recursive: true });
  const target = path.join(dir, 'runtimes/node/agent', file);
  const source = readFileSync(target, 'utf8');
  const patched = source.replace(from, to);
  if (patched === source) throw new Error(`bench: could not patch ${file}; has it changed?`);
  writeFileSync(target, patched);
  return path.join(dir, 'runtimes/node/agent/agent.cjs');
}
// No sentinel is ever armed: the agent sees no natural GC.
const noGcWatch = patchedAgent(
  'no-gc-watch',
  'gc-watch.cjs',
  '#arm() {',
  '#arm() {\n        return;',
);
const koffiAtStart = patchedAgent(
  'koffi-at-start',
  'agent.cjs',
  'let malloc;',
  'let malloc = missingWhy === undefined ? (0, malloc_cjs_1.loadMalloc)() : undefined;\n    malloc?.info();',
);
// Every module loaded, nothing started: what loading the agent alone costs each isolate.
const loadedOnly = patchedAgent(
  'loaded-only',
  'agent.cjs',
  'function start(path) {',
  'function start(path) {\n    return;',
);
// key: [name, the preloads]
const allVariants = {
  none: ['no agent', null],
  shipped: ['agent as shipped', path.join(AGENT, 'agent.cjs')],
  koffi: ['agent, koffi at start', koffiAtStart],
  loaded: ['agent loaded, not started', loadedOnly],
  'no-gc-watch': ['agent observing no GC', noGcWatch],
  profiler: [
    'that, and a GCProfiler cycled',
    [noGcWatch, path.join(root, 'bench/gc-profiler-cycled.cjs')],
  ],
  entries: [
    'that, and GC entries observed',
    [noGcWatch, path.join(root, 'bench/gc-entries-observed.cjs')],
  ],
};
const keys = values.only?.split(',') ?? Object.keys(allVariants);
for (const key of keys)
  if (!(key in allVariants))
    throw new Error(`bench: --only ${key}: expected one of ${Object.keys(allVariants)}`);
const variants = Object.fromEntries(keys.map((key) => allVariants[key]));
const socketPath = path.join(work, 'agent.sock');
const server = net.createServer((socket) => socket.resume());
await new Promise((resolve) => server.listen(socketPath, resolve));

async function trial(agentPath) {
  const portFile = path.join(work, 'port');
  rmSync(portFile, { force: true });
  const env = { ...process.env };
  if (agentPath !== null) {
    env.NODE_OPTIONS = [agentPath]
      .flat()
      .map((file) => `--require ${file}`)
      .join(' ');
    env.RSSDOCTOR_AGENT_SOCKET = socketPath;
  }
  const receiver = spawn(
    process.execPath,
    [path.join(root, 'dist/demo/receiver.js'), '--port-file', portFile, '--workers', '5'],
    { env, stdio: 'ignore', detached: true },
  );
  const port = await waitFor(() => Number(readFileSync(portFile, 'utf8')));
  await sleep(1000);
  const idleMiB = rssMiB(receiver.pid);
  const before = cpuMs(receiver.pid);
  const summaryFile = path.join(work, 'load.json');
  await new Promise((resolve) =>
    spawn(process.execPath, [
      path.join(root, 'dist/demo/load.js'),
      ...['--port', String(port), '--connections', '16', '--rate', '0', '--size', '1024'],
      ...['--duration-ms', String(LOAD_MS), '--summary-file', summaryFile],
    ]).once('exit', resolve),
  );
  const cpu = cpuMs(receiver.pid) - before;
  const peakMiB = peakRssMiB(receiver.pid);
  receiver.kill('SIGKILL');
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  return { idleMiB, peakMiB, cpuPer1000: (cpu * 1000) / summary.ackedMessages };
}

const results = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, agentPath] of Object.entries(variants))
    results[name].push(await trial(agentPath));
}
server.close();
rmSync(work, { recursive: true, force: true });

console.log('each part alone (µs per call):');
for (const [name, micros] of parts) console.log(`  ${name.padEnd(48)} ${micros.toFixed(1)} µs`);
console.log(`the receiver under load, ${ROUNDS} interleaved rounds (medians):`);
for (const [name, runs] of Object.entries(results)) {
  console.log(
    `  ${name.padEnd(30)} idle RSS ${median(runs.map((r) => r.idleMiB)).toFixed(1)} MiB, ` +
      `peak RSS ${median(runs.map((r) => r.peakMiB)).toFixed(1)} MiB ` +
      // Each run's too: the receiver's own 5-6 MiB step makes the peak two-valued.
      `(${runs.map((r) => r.peakMiB.toFixed(1)).join(', ')}), ` +
      `CPU ${median(runs.map((r) => r.cpuPer1000)).toFixed(2)} ms per 1000 messages`,
  );
}
