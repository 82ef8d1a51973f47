// The procfs source: every tick, the process tree under the root (tree-walk.ts), each
// process's status or, outside the largest, its statm (tick-status.ts), through descriptors
// held between ticks (proc-handles.ts); every SMAPS_ROLLUP_EVERY_MS, smaps_rollup (costly
// to the target). Yields one tick of records at a time.

import { setTimeout as sleep } from 'node:timers/promises';
import type { NoteRecord, SampleRecord } from '../recording/records.js';
import { watchLastPid } from './last-pid.js';
import { openProcHandles } from './proc-handles.js';
import { readCpuMs } from './proc-stat-cpu.js';
import { sampleFromStatus } from './proc-status.js';
import { readSmapsRollup } from './proc-smaps-rollup.js';
import { walkTree, type WalkState } from './tree-walk.js';

// CPU time (/proc/PID/stat) is read every tick for the root and the SMAPS_LARGEST largest
// processes, and for the rest on the smaps_rollup rounds: on 1,000 processes it was a third
// of a tick's reads, and only the root's is read by anything (tune).
// smaps_rollup stalls a target that maps memory while it is read; every 10 s keeps that
// cost negligible while still giving Pss and LazyFree several times a minute.
export const SMAPS_ROLLUP_EVERY_MS = 10_000;
// On a large tree a round reads the root and the largest processes by RSS (where Pss and
// LazyFree matter), and each other process at least this often: 1,000 small processes
// would otherwise be 1,000 walks of their mappings every 10 s.
export const SMAPS_LARGEST = 32;
export const SMAPS_EACH_EVERY_MS = 60_000;

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
  const smapsReadMs = new Map<number, number>();
  let nextSmapsMs = 0;
  // Tick 0 is read at once: the first sample is the target at start (spawn returns after
  // the exec), so a 30 s run at 1 s has 31 samples, not 30 that one slipped tick cuts to 29.
  let tick = 0;
  const startMs = options.nowMs();
  const walkState: WalkState = {
    handles: openProcHandles(),
    lastStatus: new Map(),
    detailed: new Set(),
    children: new Map(),
  };
  const pidHandedOut = watchLastPid();
  try {
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
      yield readTick(rootPid, tMs, withSmaps, {
        known,
        warned,
        smapsReadMs,
        pidHandedOut,
        walkState,
      });
    }
  } finally {
    walkState.handles.close();
  }
}

// What the source keeps from one tick to the next.
interface TickState {
  known: Map<number, string>;
  warned: Set<string>;
  smapsReadMs: Map<number, number>;
  // Whether a process was born since the last tick (last-pid.ts).
  pidHandedOut: () => boolean;
  walkState: WalkState;
}

function readTick(
  rootPid: number,
  tMs: number,
  withSmaps: boolean,
  { known, warned, smapsReadMs, pidHandedOut, walkState }: TickState,
): ProcfsTick {
  const samples: SampleRecord[] = [];
  const notes: NoteRecord[] = [];
  const alive = new Set<number>();
  // Children lists are read when a process was born since the last tick, and on every
  // smaps round anyway; a walk without them that finds a member gone is done again with.
  const listChildren = pidHandedOut() || withSmaps;
  let walk = walkTree(rootPid, { statusAll: withSmaps, listChildren }, walkState);
  if (!listChildren && walk.lostMember) {
    walk = walkTree(rootPid, { statusAll: withSmaps, listChildren: true }, walkState);
  }
  for (const failure of walk.failures) {
    warnOnce(notes, warned, tMs, failure.pid, 'status', failure.errno);
  }
  for (const { pid, status } of walk.processes) {
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
    samples.push(sampleFromStatus(status, pid, tMs));
  }
  const largest = largestOf(samples, rootPid);
  walkState.detailed.clear();
  for (const sample of largest) walkState.detailed.add(sample.pid);
  for (const sample of withSmaps ? samples : largest) {
    const cpuMs = readCpuMs(sample.pid, walkState.handles.read);
    if (cpuMs !== null) sample.cpuMs = cpuMs;
  }
  if (withSmaps) {
    for (const sample of smapsDue(samples, rootPid, tMs, smapsReadMs)) {
      smapsReadMs.set(sample.pid, tMs);
      const smaps = readSmapsRollup(sample.pid);
      if (smaps.ok && smaps.rollup !== null) {
        sample.pssBytes = smaps.rollup.pssBytes;
        sample.lazyFreeBytes = smaps.rollup.lazyFreeBytes;
        sample.swapPssBytes = smaps.rollup.swapPssBytes;
      } else if (!smaps.ok && smaps.reason !== 'gone') {
        warnOnce(notes, warned, tMs, sample.pid, 'smaps_rollup', smaps.errno);
      }
    }
  }
  for (const pid of known.keys()) {
    if (!alive.has(pid)) {
      known.delete(pid);
      smapsReadMs.delete(pid);
      walkState.lastStatus.delete(pid);
      walkState.children.delete(pid);
      walkState.handles.forget(pid);
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

// This round's smaps_rollup reads: every process of a small tree; on a large one the root,
// the SMAPS_LARGEST largest by RSS, and any not read for SMAPS_EACH_EVERY_MS.
function smapsDue(
  samples: readonly SampleRecord[],
  rootPid: number,
  tMs: number,
  readMs: ReadonlyMap<number, number>,
): SampleRecord[] {
  const largest = new Set(largestOf(samples, rootPid));
  return samples.filter(
    (sample) =>
      largest.has(sample) || tMs - (readMs.get(sample.pid) ?? -Infinity) >= SMAPS_EACH_EVERY_MS,
  );
}

// The root and the SMAPS_LARGEST largest by RSS (all of a small tree).
function largestOf(samples: readonly SampleRecord[], rootPid: number): SampleRecord[] {
  if (samples.length <= SMAPS_LARGEST) return [...samples];
  const largest = [...samples].sort((a, b) => b.rssBytes - a.rssBytes).slice(0, SMAPS_LARGEST);
  const root = samples.find((sample) => sample.pid === rootPid);
  return root === undefined || largest.includes(root) ? largest : [root, ...largest];
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
