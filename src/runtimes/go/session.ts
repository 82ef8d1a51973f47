// The Go side of a run. The target's stderr goes to a private 0600 file that is tailed:
// gctrace and scavtrace lines become records, every other line is echoed untouched (trace
// lines too, unless quiet). GODEBUG gets gctrace=1,scavtrace=1. The process the trace
// belongs to is proven, not assumed: Go build info in its binary, gctrace in its own
// /proc/PID/environ, its fd 2 on the trace file, and no other Go process writing there.

import { closeSync, openSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import type { GcRecord, GoFactsRecord, ScavRecord } from '../../recording/records.js';
import { tailFile, type FileTail } from '../../sources/file-tail.js';
import { looksLikeGcTrace, parseGcTrace, PERIODIC_GC_LINE } from './gctrace.js';
import { goSettings } from './settings.js';
import { readEnviron } from '../../sources/proc-environ.js';
import { looksLikeScavTrace, parseScavTrace } from './scavtrace.js';
import { GO_ARENA_RANGES } from './arena-ranges.js';
import { readGoBuildInfo } from './build-info.js';
import { mergeGodebug } from './godebug-merge.js';
import type { RuntimeSession, SessionContext } from '../runtime-session.js';

export const TRACE_FILE_NAME = 'go-stderr.log';
const NEWLINE = Buffer.from('\n');

export interface GoSessionOptions extends Pick<
  SessionContext,
  'directory' | 'quietTrace' | 'echoStderr' | 'nowMs' | 'append'
> {
  // The root is known to be a Go binary (build info read before it started).
  rootIsGo: boolean;
}

// Each tick finds the trace's owner and any second Go writer; Go processes have their heap
// at known addresses (heapRanges), null for any other process.
export type GoSession = Required<
  Pick<RuntimeSession, 'env' | 'stderrFd' | 'started' | 'tick' | 'heapRanges' | 'close'>
>;

type Proof = Omit<GoFactsRecord, 'type' | 'tMs' | 'pid'>;

export function openGoSession(options: GoSessionOptions): GoSession {
  const tracePath = path.join(options.directory, TRACE_FILE_NAME);
  const stderrFd = openSync(tracePath, 'a', 0o600);
  let stderrFdOpen = true;
  let rootPid: number | null = null;
  let owner: { pid: number; proof: Proof } | null = null;
  const checked = new Set<number>();
  const goPids = new Set<number>();
  // Lines read before the owner is known (a wrapper starting a Go child) wait for it.
  let pending: (Omit<GcRecord, 'pid'> | Omit<ScavRecord, 'pid'>)[] | null = [];
  let periodicNext = false;
  let malformed = 0;

  // Where the process's fd 2 points; null when it cannot be read (the process is gone or
  // exiting: its descriptors are closed before it leaves the tree).
  const stderrOf = (pid: number): string | null => {
    try {
      return readlinkSync(`/proc/${pid}/fd/2`);
    } catch {
      return null;
    }
  };
  const writesToTrace = (pid: number): boolean => stderrOf(pid) === tracePath;
  const proofOf = (pid: number, goVersion: string | null): Proof => {
    const settings = goSettings(readEnviron(pid) ?? new Map());
    return {
      goVersion,
      gctraceInEnviron: settings.gctrace,
      stderrIsTraceFile: writesToTrace(pid),
      traceExclusive: true,
      gogcPercent: settings.gogcPercent,
      memoryLimitBytes: settings.memoryLimitBytes,
    };
  };
  const writeFacts = (): void => {
    if (owner === null) return;
    options.append({ type: 'go', tMs: options.nowMs(), pid: owner.pid, ...owner.proof });
  };
  const emit = (record: Omit<GcRecord, 'pid'> | Omit<ScavRecord, 'pid'>): void => {
    if (owner === null) pending?.push(record);
    else options.append({ ...record, pid: owner.pid } as GcRecord | ScavRecord);
  };
  const adopt = (pid: number, goVersion: string | null): void => {
    owner = { pid, proof: proofOf(pid, goVersion) };
    writeFacts();
    for (const record of pending ?? []) options.append({ ...record, pid } as GcRecord | ScavRecord);
    pending = null;
  };

  const onLine = (raw: Buffer, complete: boolean): void => {
    const text = complete ? Buffer.concat([raw, NEWLINE]) : raw;
    // Trace lines are ASCII; latin1 maps any other byte one-to-one, so parsing never fails
    // on a program's binary output.
    const line = raw.toString('latin1');
    if (looksLikeGcTrace(line)) {
      const gc = parseGcTrace(line);
      if (gc !== null) {
        emit({
          type: 'gc',
          tMs: options.nowMs(),
          kind: 'full',
          forced: false,
          liveBytes: gc.liveBytes,
          heapBeforeBytes: gc.heapStartBytes,
          heapAfterBytes: gc.heapMarkedBytes,
          pauseMs: gc.pauseMs,
          markMs: gc.markMs,
          count: gc.gcNumber,
          goalBytes: gc.goalBytes,
          ...(gc.stacksBytes === null ? {} : { stacksBytes: gc.stacksBytes }),
          ...(gc.globalsBytes === null ? {} : { globalsBytes: gc.globalsBytes }),
          ...(gc.forced
            ? { cause: 'user' as const }
            : periodicNext
              ? { cause: 'periodic' as const }
              : {}),
        });
        periodicNext = false;
        if (!options.quietTrace) options.echoStderr(text);
        return;
      }
      noteMalformed(line);
    } else if (looksLikeScavTrace(line)) {
      const scav = parseScavTrace(line);
      if (scav !== null) {
        emit({ type: 'scav', tMs: options.nowMs(), ...scav });
        if (!options.quietTrace) options.echoStderr(text);
        return;
      }
      noteMalformed(line);
    } else if (line === PERIODIC_GC_LINE) {
      periodicNext = true;
      if (!options.quietTrace) options.echoStderr(text);
      return;
    }
    options.echoStderr(text);
  };
  const noteMalformed = (line: string): void => {
    malformed++;
    if (malformed > 1) return;
    options.append({
      type: 'note',
      tMs: options.nowMs(),
      code: 'source.goTraceMalformed',
      text: `a Go trace line did not parse ("${line.slice(0, 80)}"); it is counted and skipped, and the program's own output may be interleaved with the trace`,
    });
  };

  let tail: FileTail | null = tailFile(tracePath, onLine);
  return {
    stderrFd,
    env: (base) => ({ ...base, GODEBUG: mergeGodebug(base.GODEBUG) }),
    started: (pid) => {
      rootPid = pid;
      // The child holds its own copy of the descriptor.
      closeSync(stderrFd);
      stderrFdOpen = false;
      if (options.rootIsGo) {
        checked.add(pid);
        goPids.add(pid);
        adopt(pid, readGoBuildInfo(`/proc/${pid}/exe`)?.goVersion ?? null);
      }
    },
    tick: (pids) => {
      for (const pid of pids) {
        if (checked.has(pid)) continue;
        checked.add(pid);
        // Build info is a scan of the binary: only for a process that could own the trace.
        if (pid !== rootPid && !writesToTrace(pid)) continue;
        const info = readGoBuildInfo(`/proc/${pid}/exe`);
        if (info === null) continue;
        goPids.add(pid);
        if (owner === null) {
          adopt(pid, info.goVersion);
        } else if (
          owner.proof.traceExclusive &&
          goSettings(readEnviron(pid) ?? new Map()).gctrace
        ) {
          owner.proof.traceExclusive = false;
          writeFacts();
          options.append({
            type: 'note',
            tMs: options.nowMs(),
            code: 'source.goTraceShared',
            pid,
            text: `Go process ${pid} writes its GC trace into the same stderr as ${owner.pid}: the lines cannot be told apart, so the trace is not used as proof`,
          });
        }
      }
      // The owner may point fd 2 elsewhere later; then its lines are no longer ours. Only a
      // readable link to somewhere else withdraws the proof: at SIGTERM the link vanishes
      // while the pid is still listed (seen once in CI: no-gc-yet became inconclusive).
      const ownerStderr = owner === null ? null : stderrOf(owner.pid);
      if (
        owner !== null &&
        owner.proof.stderrIsTraceFile &&
        ownerStderr !== null &&
        ownerStderr !== tracePath
      ) {
        owner.proof.stderrIsTraceFile = false;
        writeFacts();
      }
    },
    heapRanges: (pid) => (goPids.has(pid) ? GO_ARENA_RANGES : null),
    close: () => {
      if (stderrFdOpen) closeSync(stderrFd);
      stderrFdOpen = false;
      if (tail === null) return;
      tail.flush();
      tail.close();
      tail = null;
      if (malformed > 1) {
        options.append({
          type: 'note',
          tMs: options.nowMs(),
          code: 'source.goTraceMalformed',
          text: `${malformed} Go trace lines did not parse and were skipped`,
        });
      }
    },
  };
}
