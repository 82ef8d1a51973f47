// What one forced full GC does to the demo receiver's main thread under load, with no
// rssdoctor anywhere (issue 19: where the probes' cost comes from). The receiver runs with
// --trace-gc and a preload that forces one full GC on SIGUSR2; the load (16 connections,
// closed loop) runs 2 × HALF_MS, and the signal comes at half-time in the "forced" rounds
// only. Printed per half: the main thread's natural full GCs (Mark-Compact), its heap after
// each scavenge (first → last: the old generation's growth) and the receiver's CPU.
// Run: npm run build && node bench/forced-gc-regime.mjs [rounds]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './bootstrap.mjs';
import { cpuMs, sleep, waitFor } from './proc-figures.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.argv[2] ?? 3);
const HALF_MS = 10_000;

async function trial(force) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-bench-regime-'));
  const portFile = path.join(dir, 'port');
  const receiver = spawn(
    process.execPath,
    [
      '--trace-gc',
      '--require',
      path.join(root, 'bench/force-gc-on-signal.cjs'),
      path.join(root, 'dist/demo/receiver.js'),
      ...['--port-file', portFile, '--workers', '5'],
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let trace = '';
  receiver.stdout.setEncoding('utf8').on('data', (chunk) => (trace += chunk));
  const port = await waitFor(() => Number(readFileSync(portFile, 'utf8')));
  const load = spawn(process.execPath, [
    path.join(root, 'dist/demo/load.js'),
    ...['--port', String(port), '--connections', '16', '--rate', '0', '--size', '1024'],
    ...['--duration-ms', String(2 * HALF_MS), '--summary-file', path.join(dir, 'load.json')],
  ]);
  const loaded = new Promise((resolve) => load.once('exit', resolve));
  const cpu0 = cpuMs(receiver.pid);
  await sleep(HALF_MS);
  const cpu1 = cpuMs(receiver.pid);
  const splitAt = trace.length;
  if (force) receiver.kill('SIGUSR2');
  await loaded;
  const cpu2 = cpuMs(receiver.pid);
  receiver.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  // The main thread's isolate prints the most lines; its address names it.
  const isolateOf = (line) => /^\[\d+:(0x[0-9a-f]+)\]/.exec(line)?.[1];
  const counts = new Map();
  for (const line of trace.split('\n'))
    counts.set(isolateOf(line), (counts.get(isolateOf(line)) ?? 0) + 1);
  const main = [...counts].filter(([key]) => key !== undefined).sort((a, b) => b[1] - a[1])[0][0];
  const half = (text) => {
    const lines = text.split('\n').filter((line) => isolateOf(line) === main);
    const after = lines.flatMap((line) => {
      const match = /Scavenge [\d.]+ \([\d.]+\) -> ([\d.]+)/.exec(line);
      return match === null ? [] : [Number(match[1])];
    });
    return {
      markCompacts: lines.filter(
        (line) => line.includes('Mark-Compact') && !line.includes('testing'),
      ).length,
      heapAfterScavengeMiB: [after[0] ?? NaN, after.at(-1) ?? NaN],
    };
  };
  return {
    first: { ...half(trace.slice(0, splitAt)), cpuMsPerS: (cpu1 - cpu0) / (HALF_MS / 1000) },
    second: { ...half(trace.slice(splitAt)), cpuMsPerS: (cpu2 - cpu1) / (HALF_MS / 1000) },
  };
}

for (const force of [false, true]) {
  const runs = [];
  for (let round = 0; round < ROUNDS; round++) runs.push(await trial(force));
  console.log(force ? 'one forced full GC at half-time:' : 'no forced GC:');
  for (const key of ['first', 'second']) {
    const halves = runs.map((run) => run[key]);
    const mc = halves.map((h) => h.markCompacts).join(', ');
    const heap = halves
      .map((h) => h.heapAfterScavengeMiB.map((v) => v.toFixed(1)).join(' → '))
      .join('; ');
    console.log(
      `  ${key === 'first' ? 'first 10 s ' : 'second 10 s'}: natural full GCs ${mc}; ` +
        `heap after scavenges ${heap} MB; receiver CPU ${median(halves.map((h) => h.cpuMsPerS)).toFixed(0)} ms/s`,
    );
  }
}
