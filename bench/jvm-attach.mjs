// What a forced JVM GC costs rssdoctor: GC.run over the attach socket (what the JVM side of
// a run does) against `jcmd PID GC.run` (a second JVM per call), on a running JDK 17 JVM.
// Prints the median wall time and the CPU of the caller's side (for jcmd: the jcmd process,
// from /proc/self/stat cutime + cstime after it is reaped), and the time to read the heap's
// resident part from /proc/PID/smaps (what the JVM session does every 2 s).
// Usage: npm run build && node bench/jvm-attach.mjs [calls]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { jvmDiagnosticCommand } from '../dist/sources/jvm-attach.js';
import { parseHeapRange } from '../dist/sources/jvm-heap-range.js';
import { residentInRange } from '../dist/sources/proc-smaps-range.js';
import { median } from './bootstrap.mjs';

const CALLS = Number(process.argv[2] ?? 10);
const USER_HZ = 100;
const classes = mkdtempSync(path.join(tmpdir(), 'rssdoctor-bench-'));
spawnSync('javac', ['-d', classes, 'test/fixtures/java/SteadyCache.java'], { stdio: 'inherit' });
const jvm = spawn('java', ['-Xmx64m', '-cp', classes, 'SteadyCache'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) => jvm.stdout.once('data', resolve));

// Own CPU (utime+stime) and reaped children's (cutime+cstime), in ms.
function cpuMs() {
  const fields = readFileSync('/proc/self/stat', 'latin1').split(') ')[1].split(' ');
  const ticks = (i) => Number(fields[i - 3]);
  return {
    own: ((ticks(14) + ticks(15)) * 1000) / USER_HZ,
    children: ((ticks(16) + ticks(17)) * 1000) / USER_HZ,
  };
}

async function measure(label, call) {
  const wall = [];
  const cpu0 = cpuMs();
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    await call();
    wall.push(performance.now() - started);
  }
  const cpu1 = cpuMs();
  const cpuPerCall = (cpu1.own - cpu0.own + cpu1.children - cpu0.children) / CALLS;
  process.stdout.write(
    `${label}: median wall ${median(wall).toFixed(0)} ms, caller CPU ${cpuPerCall.toFixed(0)} ms per call (${CALLS} calls)\n`,
  );
}

await measure('attach socket GC.run', () => jvmDiagnosticCommand(jvm.pid, 'GC.run'));
await measure('jcmd PID GC.run     ', () =>
  Promise.resolve(spawnSync('jcmd', [String(jvm.pid), 'GC.run'], { stdio: 'ignore' })),
);
const range = parseHeapRange((await jvmDiagnosticCommand(jvm.pid, 'GC.heap_info')).output);
const smapsMs = [];
for (let i = 0; i < CALLS; i++) {
  const started = performance.now();
  residentInRange(jvm.pid, range);
  smapsMs.push(performance.now() - started);
}
process.stdout.write(
  `heap resident from smaps: median ${median(smapsMs).toFixed(1)} ms (${CALLS} reads)\n`,
);
jvm.kill();
