// The procfs source: every tick, the process tree under the root, each process's status
// (synchronous, cheap) and, every SMAPS_ROLLUP_EVERY_MS, its smaps_rollup (costly to the
// target). Yields one tick of records at a time.

import { setTimeout as sleep } from 'node:timers/promises';
import type { NoteRecord, SampleRecord } from '../recording/records.js';
import { readCpuMs } from './proc-stat-cpu.js';
import { readProcStatus, sampleFromStatus } from './proc-status.js';
import { readSmapsRollup } from './proc-smaps-rollup.js';
import { listProcessTree } from './proc-tree.js';

// smaps_rollup stalls a target that maps memory while it is read; every 10 s keeps that
// cost negligible while still giving Pss and LazyFree several times a minute.
export const SMAPS_ROLLUP_EVERY_MS = 10_000;

export interface ProcfsOptions {
  intervalMs: number;
  smapsEveryMs?: number;
  // Milliseconds since the run started; every record of one tick shares one value.
  nowMs: () => number;
}

export interface ProcfsTick {
  tMs: number;
  samples: SampleRecord[];
  notes: NoteRecord[];
}

export async function* readProcfsSamples(
  rootPid: number,
  options: ProcfsOptions,
  signal: AbortSignal,
): AsyncGenerator<ProcfsTick> {
  const smapsEveryMs = options.smapsEveryMs ?? SMAPS_ROLLUP_EVERY_MS;
  // Each watched process's last name: a process renames itself after start (npm sets its
  // title to "npm start"; an exec changes it), and the start sample can come first.
  const known = new Map<number, string>();
  const warned = new Set<string>();
  let nextSmapsMs = 0;
  // Tick 0 is read at once: the first sample is the target at start (spawn returns after
  // the exec), so a 30 s run at 1 s has 31 samples, not 30 that one slipped tick cuts to 29.
  let tick = 0;
  const startMs = options.nowMs();
  while (!signal.aborted) {
    // Drift-free schedule: tick k is due at k × interval, however long reads took.
    const waitMs = startMs + tick * options.intervalMs - options.nowMs();
    try {
      if (waitMs > 0) await sleep(waitMs, undefined, { signal });
    } catch {
      return;
    }
    tick++;
    const tMs = Math.round(options.nowMs() * 1000) / 1000;
    const withSmaps = tMs >= nextSmapsMs;
    if (withSmaps) nextSmapsMs = tMs + smapsEveryMs;
    yield readTick(rootPid, tMs, withSmaps, known, warned);
  }
}

function readTick(
  rootPid: number,
  tMs: number,
  withSmaps: boolean,
  known: Map<number, string>,
  warned: Set<string>,
): ProcfsTick {
  const samples: SampleRecord[] = [];
  const notes: NoteRecord[] = [];
  const alive = new Set<number>();
  for (const pid of listProcessTree(rootPid)) {
    const read = readProcStatus(pid);
    if (!read.ok) {
      if (read.reason !== 'gone') warnOnce(notes, warned, tMs, pid, 'status', read.errno);
      continue;
    }
    const status = read.status;
    if (status === null) continue; // a zombie: exited, not yet reaped
    alive.add(pid);
    const knownName = known.get(pid);
    if (knownName !== undefined && knownName !== status.name) {
      known.set(pid, status.name);
      notes.push({
        type: 'note',
        tMs,
        code: 'process.rename',
        text: `pid ${pid} is now ${status.name}`,
        pid,
        name: status.name,
      });
    }
    if (knownName === undefined) {
      known.set(pid, status.name);
      notes.push({
        type: 'note',
        tMs,
        code: 'process.start',
        text: `watching ${status.name} (pid ${pid})`,
        pid,
        ppid: status.ppid,
        name: status.name,
      });
    }
    const sample = sampleFromStatus(status, pid, tMs);
    const cpuMs = readCpuMs(pid);
    if (cpuMs !== null) sample.cpuMs = cpuMs;
    if (withSmaps) {
      const smaps = readSmapsRollup(pid);
      if (smaps.ok && smaps.rollup !== null) {
        sample.pssBytes = smaps.rollup.pssBytes;
        sample.lazyFreeBytes = smaps.rollup.lazyFreeBytes;
        sample.swapPssBytes = smaps.rollup.swapPssBytes;
      } else if (!smaps.ok && smaps.reason !== 'gone') {
        warnOnce(notes, warned, tMs, pid, 'smaps_rollup', smaps.errno);
      }
    }
    samples.push(sample);
  }
  for (const pid of known.keys()) {
    if (!alive.has(pid)) {
      known.delete(pid);
      notes.push({
        type: 'note',
        tMs,
        code: 'process.exit',
        text: `pid ${pid} left the tree`,
        pid,
      });
    }
  }
  return { tMs, samples, notes };
}

function warnOnce(
  notes: NoteRecord[],
  warned: Set<string>,
  tMs: number,
  pid: number,
  file: string,
  errno: string,
): void {
  const key = `${pid}:${file}`;
  if (warned.has(key)) return;
  warned.add(key);
  const fix =
    errno === 'EACCES' || errno === 'EPERM'
      ? 'run rssdoctor as the same user as the target (or with CAP_SYS_PTRACE)'
      : 'check that /proc is mounted and readable';
  notes.push({
    type: 'note',
    tMs,
    code: errno === 'EACCES' || errno === 'EPERM' ? 'source.procDenied' : 'source.procError',
    text: `cannot read /proc/${pid}/${file} (${errno}); ${fix}`,
    pid,
  });
}
