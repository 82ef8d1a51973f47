// When does the watched receiver's RSS rise, and what did rssdoctor do then? Runs the demo
// receiver (5 workers) under `rssdoctor run --no-live --out`, drives it closed-loop as
// overhead.mjs does (16 connections, 1 KiB messages) for --load-ms, and prints from the
// recording, a line a second: the receiver's RSS, each isolate's resident V8 heap (the
// agent's heap records: thread 0 is the main thread), and the live points of that second
// (F: a forced full GC, N: a natural one, B: a bound; thread and live MiB). It takes no
// ratio and asserts nothing: it shows which probe each step of the peak follows
// (docs/benchmarks.md, "The peak RSS that remains").
// Run: npm run build && node bench/probe-timeline.mjs [runs] [--load-ms N] [-- run options]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { childOf, peakRssMiB, sleep, waitFor } from './proc-figures.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'load-ms': { type: 'string', default: '20000' } },
});
const dashes = process.argv.indexOf('--');
const RUN_ARGS = dashes === -1 ? [] : process.argv.slice(dashes + 1);
const RUNS = Number(positionals[0] ?? 1);
const LOAD_MS = Number(values['load-ms']);
const MIB = 1024 * 1024;

async function recordedRun() {
  const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-bench-timeline-'));
  const portFile = path.join(dir, 'port');
  const recording = path.join(dir, 'r.ndjson');
  const parent = spawn(
    path.join(root, 'bin/rssdoctor.js'),
    ['run', '--no-live', '--out', recording, ...RUN_ARGS, '--', process.execPath]
      .concat([path.join(root, 'dist/demo/receiver.js'), '--port-file', portFile])
      .concat(['--workers', '5']),
    { stdio: 'ignore', detached: true },
  );
  const port = await waitFor(() => Number(readFileSync(portFile, 'utf8')));
  const receiverPid = await waitFor(() => childOf(parent.pid));
  await sleep(1000);
  spawnSync(process.execPath, [
    path.join(root, 'dist/demo/load.js'),
    ...['--port', String(port), '--connections', '16', '--rate', '0', '--size', '1024'],
    ...['--duration-ms', String(LOAD_MS)],
  ]);
  const peakMiB = peakRssMiB(receiverPid);
  parent.kill('SIGINT');
  await new Promise((resolve) => parent.once('exit', resolve));
  const lines = readFileSync(recording, 'utf8').split('\n').filter(Boolean);
  rmSync(dir, { recursive: true, force: true });
  return { receiverPid, peakMiB, records: lines.map((line) => JSON.parse(line)) };
}

// One row a second, from the receiver's records up to the load's end.
function timeline({ receiverPid, records }) {
  const rows = new Map();
  const row = (tMs) => {
    const second = Math.floor(tMs / 1000);
    if (!rows.has(second)) rows.set(second, { rssMiB: null, heaps: new Map(), points: [] });
    return rows.get(second);
  };
  const mib = (bytes) => (bytes / MIB).toFixed(1);
  for (const record of records) {
    if (record.pid !== receiverPid || record.tMs === undefined) continue;
    if (record.type === 'sample') row(record.tMs).rssMiB = record.rssBytes / MIB;
    if (record.type === 'heap')
      row(record.tMs).heaps.set(record.threadId, record.physicalHeapBytes / MIB);
    if (record.type === 'gc' && record.kind === 'full')
      row(record.tMs).points.push(
        `${record.forced ? 'F' : 'N'}${record.threadId}:${mib(record.liveBytes)}`,
      );
    if (record.type === 'bound')
      row(record.tMs).points.push(`B${record.threadId}:${mib(record.liveBytes)}`);
  }
  return [...rows].sort(([a], [b]) => a - b);
}

for (let run = 1; run <= RUNS; run++) {
  const result = await recordedRun();
  console.log(`run ${run}/${RUNS}: peak RSS ${result.peakMiB.toFixed(1)} MiB after the load`);
  console.log('   s  RSS MiB  resident V8 heap per thread, MiB    live points');
  for (const [second, { rssMiB, heaps, points }] of timeline(result)) {
    const heapText = [...heaps]
      .sort(([a], [b]) => a - b)
      .map(([threadId, heapMiB]) => `${threadId}=${heapMiB.toFixed(1)}`)
      .join(' ');
    const rssText = rssMiB === null ? '' : rssMiB.toFixed(1);
    console.log(
      `${String(second).padStart(4)} ${rssText.padStart(8)}  ${heapText.padEnd(34)} ${points.join(' ')}`,
    );
  }
}
