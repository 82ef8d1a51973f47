// Budget: rssdoctor's cost on the demo receiver (5 worker threads), agent and 1 Hz
// sampling on, everything at its default (issue 19: throughput ratio ≥ 0.99, CPU per
// message ≤ ×1.02, peak RSS within 5%, maximum latency within ×1.5). Runs PAIRS
// interleaved pairs: the receiver alone, and the receiver under `rssdoctor run --no-live`
// (no --duration: 1 s interval, a probe when an isolate's live point is 10 s old,
// attribution's first profile due at 10 s), each driven closed-loop over 16 connections as
// fast as acks allow for LOAD_MS, which spans the 10 s mark so that probes and attribution
// fall inside the measured window. For each pair it takes the ratio with/without of
// throughput, p99 and maximum latency, CPU per message (receiver plus rssdoctor) and the
// receiver's peak RSS (VmHWM), and prints the median ratio with a seeded bootstrap 95%
// interval, then what rssdoctor itself used and which GCs the runs saw.
// --load-ms N sets the load's length: the receiver's own peak RSS takes a 5-6 MiB step at
// about 25 s of load, with rssdoctor or without (V8 growing its main thread's young
// generation, sooner under rssdoctor: bench/new-space-step.mjs), so a longer window prices
// the peak apart from when that step comes (docs/benchmarks.md).
// With --attribution it measures attribution's own cost instead: the receiver with --leak
// under `rssdoctor run --duration 14` against the same with --no-attribution.
// Run: npm run build && node bench/overhead.mjs [pairs] [--attribution] [--load-ms N]
//      [-- run options]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bootstrap, median } from './bootstrap.mjs';
import { childOf, cpuMs, peakRssMiB, sleep, waitFor } from './proc-figures.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Arguments after `--` go to `rssdoctor run` on the watched side, to price one part apart
// (`-- --passive`: no forced GC; `-- --runtime other`: no agent, /proc only).
const { values: args, tokens } = parseArgs({
  options: { attribution: { type: 'boolean', default: false }, 'load-ms': { type: 'string' } },
  allowPositionals: true,
  tokens: true,
});
const dashes = tokens.find((token) => token.kind === 'option-terminator');
const ownPositionals = tokens
  .filter((token) => token.kind === 'positional' && (!dashes || token.index < dashes.index))
  .map((token) => token.value);
const RUN_ARGS = dashes ? process.argv.slice(2 + dashes.index + 1) : [];
const PAIRS = Number(ownPositionals[0] ?? 14);
const ATTRIBUTION = args.attribution;
const WITH = ATTRIBUTION ? 'attribution' : 'rssdoctor';
const LOAD_MS = Number(args['load-ms'] ?? (ATTRIBUTION ? 8000 : 20_000));
const CONNECTIONS = ATTRIBUTION ? 4 : 16;

// The recording's GCs: full ones, forced ones, and the forced pauses.
function gcFigures(file) {
  const figures = { full: 0, forced: 0, forcedPauseMs: 0, profiles: 0 };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.includes('"type":"sites"')) figures.profiles++;
    if (!line.includes('"type":"gc"') || !line.includes('"kind":"full"')) continue;
    const gc = JSON.parse(line);
    figures.full++;
    if (gc.forced) {
      figures.forced++;
      figures.forcedPauseMs += gc.pauseMs;
    }
  }
  return figures;
}

async function trial(withRssdoctor) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-bench-'));
  const portFile = path.join(dir, 'port');
  const recording = path.join(dir, 'r.ndjson');
  const receiver = [
    path.join(root, 'dist/demo/receiver.js'),
    '--port-file',
    portFile,
    '--workers',
    '5',
    ...(ATTRIBUTION ? ['--leak'] : []),
  ];
  const run = (extra) => [
    path.join(root, 'bin/rssdoctor.js'),
    'run',
    '--no-live',
    '--out',
    recording,
    ...extra,
    '--',
    process.execPath,
    ...receiver,
  ];
  const args = ATTRIBUTION
    ? run(withRssdoctor ? ['--duration', '14'] : ['--duration', '14', '--no-attribution'])
    : withRssdoctor
      ? run(RUN_ARGS)
      : receiver;
  // Both sides run the receiver in its own session, as rssdoctor does (setsid). With the
  // kernel's autogroup scheduling a session is a CPU-share group; putting only one side in
  // its own group measured a 15–20% "overhead" that was the scheduler, not rssdoctor.
  const watched = withRssdoctor || ATTRIBUTION;
  // rssdoctor as a user runs it: the command (its launcher line sets Node's flags).
  const [command, ...rest] = watched ? args : [process.execPath, ...args];
  const parent = spawn(command, rest, { stdio: 'ignore', detached: true });
  const port = await waitFor(() => Number(readFileSync(portFile, 'utf8')));
  const receiverPid = watched ? await waitFor(() => childOf(parent.pid)) : parent.pid;
  await sleep(1000); // let the receiver (and the agent) settle
  const summaryFile = path.join(dir, 'load.json');
  const cpuBefore = cpuMs(receiverPid);
  const ownBefore = watched ? cpuMs(parent.pid) : 0;
  spawnSync(process.execPath, [
    path.join(root, 'dist/demo/load.js'),
    '--port',
    String(port),
    '--connections',
    String(CONNECTIONS),
    '--rate',
    '0',
    '--size',
    '1024',
    '--duration-ms',
    String(LOAD_MS),
    '--summary-file',
    summaryFile,
  ]);
  const cpuAfter = cpuMs(receiverPid);
  const ownAfter = watched ? cpuMs(parent.pid) : 0;
  const peakMiB = peakRssMiB(receiverPid);
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  parent.kill('SIGINT');
  await new Promise((resolve) => parent.once('exit', resolve));
  const gcs = watched ? gcFigures(recording) : null;
  rmSync(dir, { recursive: true, force: true });
  const thousands = summary.ackedMessages / 1000;
  return {
    throughput: (summary.ackedMessages * 1000) / summary.durationMs,
    p99Ms: summary.p99LatencyMs,
    maxMs: summary.maxLatencyMs,
    cpuMsPer1000: (cpuAfter - cpuBefore + ownAfter - ownBefore) / thousands,
    ownCpuMsPer1000: (ownAfter - ownBefore) / thousands,
    ownCpuShare: (ownAfter - ownBefore) / summary.durationMs,
    peakMiB,
    gcs,
  };
}

const ratios = { throughput: [], p99: [], max: [], cpu: [], peakRss: [] };
const own = { cpuShare: [], full: [], forced: [], forcedPauseMs: [], profiles: [] };
for (let pair = 0; pair < PAIRS; pair++) {
  // Interleaved, alternating which goes first, so drift in the machine hits both sides.
  const first = pair % 2 === 0;
  const a = await trial(first);
  const b = await trial(!first);
  const [withIt, without] = first ? [a, b] : [b, a];
  ratios.throughput.push(withIt.throughput / without.throughput);
  ratios.p99.push(withIt.p99Ms / without.p99Ms);
  ratios.max.push(withIt.maxMs / without.maxMs);
  ratios.cpu.push(withIt.cpuMsPer1000 / without.cpuMsPer1000);
  ratios.peakRss.push(withIt.peakMiB / without.peakMiB);
  own.cpuShare.push(withIt.ownCpuShare);
  for (const key of ['full', 'forced', 'forcedPauseMs', 'profiles']) own[key].push(withIt.gcs[key]);
  console.error(
    `pair ${pair + 1}/${PAIRS}: throughput ${without.throughput.toFixed(0)} → ${withIt.throughput.toFixed(0)} msg/s, ` +
      `max latency ${without.maxMs.toFixed(1)} → ${withIt.maxMs.toFixed(1)} ms, ` +
      `CPU ${without.cpuMsPer1000.toFixed(1)} → ${withIt.cpuMsPer1000.toFixed(1)} ms/1000 msg, ` +
      `peak RSS ${without.peakMiB.toFixed(0)} → ${withIt.peakMiB.toFixed(0)} MiB, ` +
      `full GCs ${withIt.gcs.full} (${withIt.gcs.forced} forced, ${withIt.gcs.forcedPauseMs.toFixed(0)} ms), profiles ${withIt.gcs.profiles}`,
  );
}
for (const [name, values] of Object.entries(ratios)) {
  const [low, high] = bootstrap(values);
  console.log(
    `${name} ratio (with/without ${WITH}): median ${median(values).toFixed(4)}, bootstrap 95% CI [${low.toFixed(4)}, ${high.toFixed(4)}] over ${values.length} pairs`,
  );
}
console.log(
  `rssdoctor's own CPU: median ${(100 * median(own.cpuShare)).toFixed(2)}% of a core; per run: full GCs median ${median(own.full)}, ` +
    `forced ${median(own.forced)} (${median(own.forcedPauseMs).toFixed(0)} ms of forced pauses), heap profiles ${median(own.profiles)}`,
);
const [throughputLow] = bootstrap(ratios.throughput);
console.log(
  throughputLow >= 0.99
    ? 'claim: throughput cost < 1% (the interval lower bound is ≥ 0.99)'
    : `no < 1% claim: the throughput interval's lower bound is ${throughputLow.toFixed(4)}`,
);
