// Budget: rssdoctor's own memory stays bounded over a long run (issue 19). A compressed-time
// soak: a synthetic 24-hour recording at 1 Hz (bench/day-recording.mjs) fed record by record
// into what a live run keeps (the run's record list, which its Provisional reads, and the
// --metrics state), the Provisional rebuilt at every simulated 3 hours (in a live run it is
// every 5 s, which compressed time cannot afford), and V8's used heap printed after a full
// GC there. A bounded run levels off; one that keeps every record grows with the run.
// Run: npm run build && node --expose-gc bench/soak.mjs [hours]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDayRecording } from './day-recording.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (file) => import(path.join(root, 'dist', file));
const { Provisional } = await dist('report/provisional.js');
const { WatchState } = await dist('metrics/watch-state.js');
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');

const HOURS = Number(process.argv[2] ?? 24);
const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-soak-'));
const file = writeDayRecording(path.join(dir, 'day.ndjson'), HOURS * 3600);
// Lines stay text until fed: the records the run keeps are what the heap figure measures.
const [headerLine, ...body] = readFileSync(file, 'utf8').trim().split('\n');
const header = JSON.parse(headerLine);
rmSync(dir, { recursive: true, force: true });

const provisional = new Provisional();
provisional.setHeader(header);
const metrics = new WatchState();
const usedMiB = () => {
  globalThis.gc();
  return process.memoryUsage().heapUsed / 1048576;
};
const base = usedMiB();
console.log(
  `${body.length} records over ${HOURS} h; V8 heap used after a full GC, above the start:`,
);
console.log('hours  records kept  heap MiB  build ms');
let nextMark = 3 * 3600 * 1000;
for (const line of body) {
  const record = JSON.parse(line);
  provisional.add(record);
  metrics.add(record);
  if (record.tMs >= nextMark) {
    nextMark += 3 * 3600 * 1000;
    const started = performance.now();
    provisional.evaluate(record.tMs);
    const buildMs = performance.now() - started;
    console.log(
      `${String(Math.round(record.tMs / 3_600_000)).padStart(5)}  ${String(provisional.records.length).padStart(12)}  ${(usedMiB() - base).toFixed(1).padStart(8)}  ${buildMs.toFixed(0).padStart(8)}`,
    );
  }
}
