// The kernel's and Node's cost of one /proc read, per file, opened, read and closed each
// time against read again through a held descriptor (pread at offset 0): the figures behind
// src/sources/proc-handles.ts and proc-statm.ts. CPU time of this process (user + system)
// over ROUNDS reads of each of N sleeping processes, after 3 rounds to warm up.
// Run: npm run build && node bench/proc-reads.mjs [N] [ROUNDS]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readSync } from 'node:fs';

const N = Number(process.argv[2] ?? 200);
const ROUNDS = Number(process.argv[3] ?? 20);
const sleeps = Array.from({ length: N }, () => spawn('sleep', ['60'], { stdio: 'ignore' }));
await Promise.all(sleeps.map((child) => once(child, 'spawn')));
const pids = sleeps.map((child) => child.pid);
const buffer = Buffer.allocUnsafe(16 * 1024);
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
function openReadClose(path) {
  const fd = openSync(path, 'r');
  for (let at = 0, read; (read = readSync(fd, buffer, at, buffer.length - at, at)) > 0;) at += read;
  closeSync(fd);
}
function time(name, readOne) {
  for (let round = 0; round < 3; round++) for (const pid of pids) readOne(pid);
  const before = cpuMs();
  for (let round = 0; round < ROUNDS; round++) for (const pid of pids) readOne(pid);
  const us = ((cpuMs() - before) * 1000) / (ROUNDS * pids.length);
  console.log(`${name.padEnd(34)} ${us.toFixed(2).padStart(6)} µs CPU per read`);
}
const files = {
  status: () => 'status',
  statm: () => 'statm',
  stat: () => 'stat',
  children: (pid) => `task/${pid}/children`,
};
console.log(`${N} sleeping processes, ${ROUNDS} rounds`);
for (const [name, file] of Object.entries(files)) {
  time(`${name}: open, read, close`, (pid) => openReadClose(`/proc/${pid}/${file(pid)}`));
}
for (const [name, file] of Object.entries(files)) {
  const held = new Map(pids.map((pid) => [pid, openSync(`/proc/${pid}/${file(pid)}`, 'r')]));
  time(`${name}: pread of a held descriptor`, (pid) =>
    readSync(held.get(pid), buffer, 0, buffer.length, 0),
  );
  for (const fd of held.values()) closeSync(fd);
}
for (const child of sleeps) child.kill();
