// What the receiver benches read of a process from /proc, and how they wait for it to
// start: one copy for overhead.mjs, agent-parts.mjs, forced-gc-regime.mjs and
// probe-timeline.mjs.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const CLOCK_TICKS =
  Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// User plus system CPU time of the whole process, in ms.
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

const statusMiB = (pid, field) =>
  Number(
    new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1],
  ) / 1024;

export const peakRssMiB = (pid) => statusMiB(pid, 'VmHWM');
export const rssMiB = (pid) => statusMiB(pid, 'VmRSS');

// The first truthy value of read(), polled every 50 ms; a throw counts as not yet.
export async function waitFor(read, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const value = read();
      if (value) return value;
    } catch {
      // not yet
    }
    await sleep(50);
  }
  throw new Error('bench: timed out waiting for the receiver');
}

// The first child of a process (rssdoctor's target), or null before it has one.
export function childOf(pid) {
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
    if (children !== '') return Number(children.split(' ')[0]);
  }
  return null;
}
