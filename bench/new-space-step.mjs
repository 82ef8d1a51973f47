// When the demo receiver's own 5-6 MiB RSS step comes, with rssdoctor and without (issue
// 19: its peak RSS within 5% over 20 s of load). The step is V8 growing the main thread's
// young generation from 4 to 8 MiB committed, with every heap's used bytes flat: V8 grows
// it once the bytes that survived scavenges since the last growth exceed its capacity
// (Heap::ShouldResizeNewSpace in V8's src/heap/heap.cc: survived_since_last_expansion_ >
// new_space_->TotalCapacity()). So anything alive across a scavenge, the agent's or the
// program's, moves the step, and the step's time is a random walk of those survivals.
//
//   new space committed (MiB)
//        8 |                     +-----------------
//        4 |  +------------------+   <- the step: survivals since the last growth
//        2 |--+                          passed its capacity
//          +----------------------------------------> s
//            ^ start-up's growth
//
// Each round runs the receiver (5 workers, 16 connections, full load, --load-ms) with
// `--trace-gc-nvp`, without rssdoctor, with the agent alone (preloaded, its socket only
// read, so no probe ever comes) and under `rssdoctor run --no-live` (the agent, its probes
// and bounds, /proc sampling), interleaved. For each run it prints when the main thread's
// young generation grew (the first scavenge with more than 3 MiB allocated since the one
// before: 2 MiB before the growth, 4 after), the bytes its scavenges kept (survived and
// promoted, what V8 counts) before the load and per second of load until the growth, and
// the receiver's RSS before and after the load. `--trace-gc-verbose` shows the growth
// itself (committed 4096 -> 8192 KB), but in whole KB, too coarse for survivals of about 1
// KB a scavenge.
// Run: npm run build && node bench/new-space-step.mjs [rounds] [--load-ms N]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from './bootstrap.mjs';
import { childOf, rssMiB, sleep, waitFor } from './proc-figures.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'load-ms': { type: 'string', default: '30000' } },
});
const ROUNDS = Number(positionals[0] ?? 4);
const LOAD_MS = Number(values['load-ms']);
const GROWN_BYTES = 3 * 1024 * 1024;
const work = mkdtempSync(path.join(tmpdir(), 'rssdoctor-bench-newspace-'));
const AGENT = path.join(root, 'dist/runtimes/node/agent/agent.cjs');
const SIDES = ['no rssdoctor', 'the agent alone', 'rssdoctor run'];
const socketPath = path.join(work, 'agent.sock');
const server = net.createServer((socket) => socket.resume());
await new Promise((resolve) => server.listen(socketPath, resolve));

// `[pid:0xISOLATE]  T ms: pause=... gc=s ... allocated=N promoted=N new_space_survived=N ...`
const field = (line, name) => Number(new RegExp(` ${name}=(\\d+)`).exec(line)?.[1] ?? 0);

async function trial(side) {
  const portFile = path.join(work, 'port');
  rmSync(portFile, { force: true });
  const env = { ...process.env };
  if (side === 'the agent alone') {
    env.NODE_OPTIONS = `--require ${AGENT}`;
    env.RSSDOCTOR_AGENT_SOCKET = socketPath;
  }
  const receiver = [
    ...[process.execPath, '--trace-gc-nvp', path.join(root, 'dist/demo/receiver.js')],
    ...['--port-file', portFile, '--workers', '5'],
  ];
  // Under `run` the receiver's trace comes through rssdoctor's stdout (its own lines
  // carry no isolate).
  const [command, ...args] =
    side === 'rssdoctor run'
      ? [
          path.join(root, 'bin/rssdoctor.js'),
          'run',
          '--no-live',
          '--out',
          path.join(work, 'r.ndjson'),
          '--',
          ...receiver,
        ]
      : receiver;
  const parent = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'ignore'], detached: true });
  // Each isolate's scavenges, stamped as read; the main thread's is the one with the most.
  const isolates = new Map();
  let loadStartMs;
  createInterface({ input: parent.stdout }).on('line', (line) => {
    const isolate = /^\[\d+:(0x[0-9a-f]+)\]/.exec(line)?.[1];
    if (isolate === undefined || !line.includes(' gc=s ')) return;
    if (!isolates.has(isolate)) isolates.set(isolate, []);
    isolates.get(isolate).push({
      atMs: performance.now(),
      allocatedBytes: field(line, 'allocated'),
      keptBytes: field(line, 'promoted') + field(line, 'new_space_survived'),
    });
  });
  const port = await waitFor(() => Number(readFileSync(portFile, 'utf8')));
  const pid = side === 'rssdoctor run' ? await waitFor(() => childOf(parent.pid)) : parent.pid;
  await sleep(1000);
  const rssBeforeMiB = rssMiB(pid);
  loadStartMs = performance.now();
  await new Promise((resolve) =>
    spawn(process.execPath, [
      path.join(root, 'dist/demo/load.js'),
      ...['--port', String(port), '--connections', '16', '--rate', '0', '--size', '1024'],
      ...['--duration-ms', String(LOAD_MS), '--summary-file', path.join(work, 'load.json')],
    ]).once('exit', resolve),
  );
  const rssAfterMiB = rssMiB(pid);
  // rssdoctor is stopped as a user stops it; it ends the receiver it started.
  process.kill(parent.pid, side === 'rssdoctor run' ? 'SIGINT' : 'SIGKILL');
  await new Promise((resolve) => parent.once('exit', resolve));
  const main = [...isolates.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const keptKiB = (scavenges) => scavenges.reduce((sum, gc) => sum + gc.keptBytes, 0) / 1024;
  const load = main.filter((gc) => gc.atMs >= loadStartMs);
  const grown = load.findIndex((gc) => gc.allocatedBytes > GROWN_BYTES);
  const stepS = grown < 0 ? undefined : (load[grown].atMs - loadStartMs) / 1000;
  return {
    stepS,
    // From the process's start, its start-up's growths among them: compared side by side.
    keptBeforeKiB: keptKiB(main.filter((gc) => gc.atMs < loadStartMs)),
    keptKiBPerS: keptKiB(grown < 0 ? load : load.slice(0, grown)) / (stepS ?? LOAD_MS / 1000),
    rssBeforeMiB,
    rssAfterMiB,
  };
}

const runs = Object.fromEntries(SIDES.map((side) => [side, []]));
for (let round = 0; round < ROUNDS; round++) {
  // Rotating which goes first, so drift in the machine hits every side.
  for (let i = 0; i < SIDES.length; i++) {
    const side = SIDES[(round + i) % SIDES.length];
    runs[side].push(await trial(side));
  }
}
server.close();
rmSync(work, { recursive: true, force: true });

const seconds = (run) =>
  run.stepS === undefined ? `none in ${LOAD_MS / 1000}` : run.stepS.toFixed(1);
console.log(`the main thread's young generation grown, ${ROUNDS} interleaved rounds:`);
for (const [name, list] of Object.entries(runs)) {
  const steps = list.filter((run) => run.stepS !== undefined).map((run) => run.stepS);
  console.log(
    `  ${name.padEnd(15)} at ${list.map(seconds).join(', ')} s of load ` +
      `(median of those seen ${steps.length > 0 ? median(steps).toFixed(1) : '-'}); ` +
      `kept by scavenges before the load ${median(list.map((run) => run.keptBeforeKiB)).toFixed(0)} KiB, then ${median(list.map((run) => run.keptKiBPerS)).toFixed(1)} KiB/s; ` +
      `RSS ${median(list.map((run) => run.rssBeforeMiB)).toFixed(1)} -> ${median(list.map((run) => run.rssAfterMiB)).toFixed(1)} MiB`,
  );
}
