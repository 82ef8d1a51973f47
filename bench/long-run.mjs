// A real long run's own memory (issue 19): `rssdoctor run` on a Node program for MINUTES at
// a short interval, so that the records a run keeps pass their cap (20,000) within the
// run, and rssdoctor's own RSS and peak read from /proc every minute; then the report's
// record count read back from the recording. A bounded run levels off.
// Run: npm run build && node bench/long-run.mjs [minutes] [interval seconds]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MINUTES = Number(process.argv[2] ?? 10);
const INTERVAL_S = process.argv[3] ?? '0.05';
const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-long-'));
const recording = path.join(dir, 'r.ndjson');
// A steady Node program that makes garbage: samples, heap and GC records every tick.
const program =
  'setInterval(() => { Buffer.alloc(100000); JSON.stringify({ a: [1, 2, 3] }); }, 10)';
const run = spawn(
  process.execPath,
  [
    path.join(root, 'bin/rssdoctor.js'),
    'run',
    '--no-live',
    '--duration',
    String(MINUTES * 60),
    '--interval',
    INTERVAL_S,
    '--out',
    recording,
    '--json',
    path.join(dir, 'r.json'),
    '--',
    process.execPath,
    '-e',
    program,
  ],
  { stdio: 'ignore' },
);
const status = (field) =>
  Number(
    new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(
      readFileSync(`/proc/${run.pid}/status`, 'utf8'),
    )[1],
  ) / 1024;
console.log(`rssdoctor run --interval ${INTERVAL_S} for ${MINUTES} min on a steady Node program`);
console.log('minute  records written  rssdoctor RSS MiB  peak MiB');
const exited = new Promise((resolve) => run.once('exit', resolve));
for (let minute = 1; minute <= MINUTES; minute++) {
  const ended = await Promise.race([
    new Promise((resolve) => setTimeout(() => resolve(false), 60_000)),
    exited.then(() => true),
  ]);
  if (ended) break;
  const written = readFileSync(recording, 'utf8').split('\n').length - 1;
  console.log(
    `${String(minute).padStart(6)}  ${String(written).padStart(15)}  ${status('VmRSS').toFixed(1).padStart(17)}  ${status('VmHWM').toFixed(1).padStart(8)}`,
  );
}
await exited;
const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
console.log(
  `report: ${report.verdict}, ${report.run.samples} samples (every record read back from disk)`,
);
rmSync(dir, { recursive: true, force: true });
