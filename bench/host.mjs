// Budget: one `rssdoctor run` watching a tree of 1,000 processes at 1 Hz uses under 5% of
// one core and under 80 MiB of its own RSS (issue 19). For each tree size it starts a tree
// of N processes (a parent and N − 1 `sleep`s) under `rssdoctor run --duration D --no-live
// --json`, reads rssdoctor's own CPU time (all threads) from /proc at 10 s and a second
// before the end (the steady cost, start-up apart), its peak RSS (VmHWM), and from its
// Report how many processes it listed.
// Run: npm run build && node bench/host.mjs [sizes…] [--duration 30]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const durationAt = args.indexOf('--duration');
const DURATION_S = durationAt >= 0 ? Number(args[durationAt + 1]) : 30;
const sizes = args
  .filter((arg, i) => /^\d+$/.test(arg) && args[i - 1] !== '--duration')
  .map(Number);
const SIZES = sizes.length > 0 ? sizes : [10, 100, 1000];

// The tree: a shell that starts N − 1 sleeps and waits for them.
const tree = (n) => [
  'sh',
  '-c',
  `i=1; while [ $i -lt ${n} ]; do sleep ${DURATION_S + 30} & i=$((i+1)); done; wait`,
];

const CLOCK_TICKS =
  Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// rssdoctor's own CPU time (all its threads) and peak RSS, from /proc.
function own(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    cpuS: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS,
    hwmMiB: Number(/^VmHWM:\s+(\d+)/m.exec(status)[1]) / 1024,
  };
}

console.log(
  `rssdoctor run on a tree of N processes, 1 s interval, ${DURATION_S} s each; ` +
    'steady CPU between 10 s and the end (start-up and the end snapshot apart)',
);
console.log('processes  listed  steady % of a core  whole-run CPU s  peak RSS MiB');
for (const n of SIZES) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-host-'));
  const json = path.join(dir, 'r.json');
  // rssdoctor as a user runs it: the command (its launcher line sets Node's flags).
  const child = spawn(
    path.join(root, 'bin', 'rssdoctor.js'),
    [
      'run',
      '--no-live',
      '--duration',
      String(DURATION_S),
      '--out',
      path.join(dir, 'r.ndjson'),
      '--json',
      json,
      '--',
      ...tree(n),
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await sleep(10_000);
  const early = own(child.pid);
  const earlyAt = performance.now();
  await sleep((DURATION_S - 11) * 1000);
  const late = own(child.pid);
  const lateAt = performance.now();
  await exited;
  const report = JSON.parse(readFileSync(json, 'utf8'));
  const steady = ((late.cpuS - early.cpuS) / ((lateAt - earlyAt) / 1000)) * 100;
  console.log(
    `${String(n).padStart(9)}  ${String(report.processes.length).padStart(6)}  ${steady.toFixed(2).padStart(17)}%  ` +
      `${late.cpuS.toFixed(2).padStart(15)}  ${late.hwmMiB.toFixed(1).padStart(12)}`,
  );
  rmSync(dir, { recursive: true, force: true });
}
