// The JVM side of a run. GC logging goes in through JAVA_TOOL_OPTIONS (merged with the
// user's), one file per JVM (gc-<pid>.log) in the run's private directory; each file is
// tailed and its events become records. Live points come only from the events that
// measure live data (gc-event.ts). Active confirmation forces a full GC over
// the attach socket (GC.run) when natural ones are too rare, and once before the verdict.
// Attribution: on its schedule (run/sites-schedule.ts) that GC is GC.class_histogram's.

import type { RuntimeSession, SessionContext } from '../runtime-session.js';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { JvmFactsRecord } from '../../recording/records.js';
import { tailFile, type FileTail } from '../../sources/file-tail.js';
import { jvmDiagnosticCommand } from './attach.js';
import type { JvmGcEvent, JvmLogLine } from './gc-event.js';
import { parseGc8LogLine } from './gc8-log.js';
import { readHeapExitLine } from './heap-exit.js';
import type { AddressRange } from '../../sources/address-range.js';
import { parseHeapRange } from './heap-range.js';
import { residentInRange } from '../../sources/proc-smaps-range.js';
import { readRssBytes } from '../../sources/proc-status.js';
import { parseUnifiedLogLine } from './unified-log.js';
import type { JdkRelease } from './jdk-release.js';
import { gcLogOptions, mergeJavaToolOptions } from './java-tool-options.js';
import { forcedCause, JvmLivePoints, jvmGcRecord } from './live-points.js';
import { dueForProbe, probeEveryMs } from '../../run/probe-pacing.js';
import { SitesSchedule } from '../../run/sites-schedule.js';
import { histogramSites } from './histogram-sites.js';
import { javaOptionsText, parseJavaCaps } from './java-caps.js';

const LOG_FILE = /^gc-(\d+)\.log$/;
// How often the heap's resident part is read from smaps (a few ms each for a JVM).
export const HEAP_RESIDENT_EVERY_MS = 2_000;
// How long a cycle's live event waits for a later one of the same cycle.
const PENDING_CYCLE_MS = 1_000;

export interface JvmSessionOptions extends Pick<
  SessionContext,
  'directory' | 'durationMs' | 'passive' | 'attribution' | 'nowMs' | 'append'
> {
  // null: the JDK version is unknown, so nothing is injected (a wrong option stops a JVM).
  jdk: JdkRelease | null;
  // attach: logging was turned on at run time (VM.log answered), so the collector's
  // "Using …" line, printed only at start, never comes; the answer is the proof instead.
  loggingOnAlready?: boolean;
}

// releaseProbe: GC.run, then System.trim_native_heap (glibc malloc_trim), each with RSS
// before and after, over the attach socket. heapRanges: the Java heap's address range once
// GC.heap_info gave it; null before, or for a non-JVM.
export type JvmSession = Required<
  Pick<
    RuntimeSession,
    'env' | 'tick' | 'finalProbe' | 'releaseProbe' | 'pids' | 'heapRanges' | 'close'
  >
>;

interface JvmState {
  pid: number;
  tail: FileTail;
  facts: JvmFactsRecord;
  lastLiveMs: number;
  naturalGcs: number;
  inFlight: boolean;
  attachFailed: boolean;
  forcedPauseMs: number;
  malformed: number;
  points: JvmLivePoints;
  // The heap's address range, asked once over the attach socket; null until known.
  heapRange: AddressRange | null;
  heapRangeAsked: boolean;
  lastResidentMs: number;
  // Its class histograms (attribution).
  sites: SitesSchedule;
}

export function openJvmSession(options: JvmSessionOptions): JvmSession {
  const { directory, jdk } = options;
  const parse: (line: string) => JvmLogLine =
    jdk !== null && jdk.major >= 9 ? parseUnifiedLogLine : parseGc8LogLine;
  const jvms = new Map<number, JvmState>();
  // Attach requests in flight: close waits for them, so none is left half done (its
  // handshake file still in the JVM's directory) after the session ends.
  const inFlight = new Set<Promise<unknown>>();
  const command = (pid: number, line: string): ReturnType<typeof jvmDiagnosticCommand> => {
    const request = jvmDiagnosticCommand(pid, line);
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request)).catch(() => undefined);
    return request;
  };
  const everyMs = probeEveryMs(options.durationMs);
  const logOptions = jdk === null ? null : gcLogOptions(jdk.major, directory);
  if (jdk !== null && logOptions === null) {
    options.append({
      type: 'note',
      tMs: options.nowMs(),
      code: 'source.jvmLogPathUnusable',
      text: `the temporary directory's path has a quote in it (${directory}), which JAVA_TOOL_OPTIONS cannot carry, so no GC logging was added; the verdict is OS-level: set TMPDIR to a path without quotes`,
    });
  }
  if (jdk === null) {
    options.append({
      type: 'note',
      tMs: options.nowMs(),
      code: 'source.jvmVersionUnknown',
      text: 'the JDK of this java has no readable `release` file, so no GC logging was added (a wrong option would stop the JVM); the verdict is OS-level',
    });
  }

  const writeFacts = (state: JvmState): void => {
    state.facts.tMs = options.nowMs();
    options.append({ ...state.facts });
  };
  const onEvent = (state: JvmState, event: JvmGcEvent): void => {
    const forced = forcedCause(event.cause);
    if (!forced) state.naturalGcs++;
    if (forced) state.forcedPauseMs += event.pauseMs ?? 0;
    state.points.event(event, options.nowMs());
  };
  const onLine = (state: JvmState, raw: Buffer): void => {
    const line = raw.toString('utf8');
    const parsed = parse(line);
    if (parsed.type === 'using') {
      state.facts.collector = parsed.collector;
      state.facts.loggingProven = true;
      writeFacts(state);
    } else if (parsed.type === 'max-heap') {
      state.facts.maxHeapBytes = parsed.bytes;
      writeFacts(state);
    } else if (parsed.type === 'gc') {
      onEvent(state, parsed.event);
    } else if (parsed.type === 'malformed') {
      state.malformed++;
      if (state.malformed === 1) {
        options.append({
          type: 'note',
          tMs: options.nowMs(),
          code: 'source.jvmLogMalformed',
          pid: state.pid,
          text: `a GC log line of JVM ${state.pid} did not parse ("${line.slice(0, 80)}"); such lines are counted and skipped`,
        });
      }
    }
    // The heap summary at exit (recorded with the facts when the run closes).
    readHeapExitLine(line, state.facts);
  };
  const discover = (): void => {
    let names: string[];
    try {
      names = readdirSync(directory);
    } catch {
      return;
    }
    for (const name of names) {
      const pid = Number(LOG_FILE.exec(name)?.[1]);
      if (!Number.isInteger(pid) || jvms.has(pid)) continue;
      const facts: JvmFactsRecord = {
        type: 'jvm',
        tMs: options.nowMs(),
        pid,
        jdkVersion: jdk?.version ?? null,
        collector: null,
        loggingProven: options.loggingOnAlready ?? false,
        heapUsedBytes: null,
        youngCapacityBytes: null,
        ...parseJavaCaps(javaOptionsText(pid)),
      };
      const state: JvmState = {
        pid,
        facts,
        // Neither calls back before `state` is assigned: the tail reads on a timer, and
        // points emit only on an event.
        tail: tailFile(path.join(directory, name), (line) => onLine(state, line)),
        lastLiveMs: options.nowMs(),
        naturalGcs: 0,
        inFlight: false,
        attachFailed: false,
        forcedPauseMs: 0,
        malformed: 0,
        points: new JvmLivePoints((event, tMs, live) => {
          if (live) state.lastLiveMs = tMs;
          options.append(jvmGcRecord(pid, event, tMs, live));
        }),
        heapRange: null,
        heapRangeAsked: false,
        lastResidentMs: Number.NEGATIVE_INFINITY,
        sites: new SitesSchedule(options.attribution, options.durationMs),
      };
      jvms.set(pid, state);
      writeFacts(state);
    }
  };
  const force = async (state: JvmState): Promise<void> => {
    if (state.attachFailed) return;
    state.inFlight = true;
    const tMs = options.nowMs();
    try {
      const result = await command(state.pid, 'GC.run');
      options.append({
        type: 'control',
        tMs,
        pid: state.pid,
        action: 'gc',
        durationMs: result.durationMs,
      });
      // The log line is written before GC.run answers: read it now.
      state.tail.read();
      state.points.flush();
    } catch (error) {
      state.attachFailed = true;
      options.append({
        type: 'note',
        tMs,
        code: 'source.jvmAttachFailed',
        pid: state.pid,
        text: `cannot force a GC in JVM ${state.pid} (${(error as Error).message}); only its natural full GCs count`,
      });
    } finally {
      state.inFlight = false;
    }
  };
  // A class histogram: its full GC is a forced live point, logged as such.
  const histogram = async (state: JvmState): Promise<void> => {
    state.inFlight = true;
    state.sites.taken(options.nowMs());
    try {
      await histogramSites(state.pid, command, options);
      state.tail.read();
      state.points.flush();
    } catch (error) {
      state.sites.stop();
      options.append({
        type: 'note',
        tMs: options.nowMs(),
        code: 'source.sitesUnavailable',
        pid: state.pid,
        text: `no class histogram of JVM ${state.pid}: ${(error as Error).message}`,
      });
    } finally {
      state.inFlight = false;
    }
  };
  const measured = async (
    state: JvmState,
    action: 'gc' | 'release',
    line: string,
  ): Promise<boolean> => {
    const tMs = options.nowMs();
    const rssBeforeBytes = readRssBytes(state.pid);
    const result = await command(state.pid, line);
    const rssAfterBytes = readRssBytes(state.pid);
    if (rssBeforeBytes === null || rssAfterBytes === null) return false;
    options.append({
      type: 'control',
      tMs,
      pid: state.pid,
      action,
      rssBeforeBytes,
      rssAfterBytes: result.ok ? rssAfterBytes : rssBeforeBytes,
      durationMs: result.durationMs,
    });
    return result.ok;
  };
  const release = async (state: JvmState): Promise<void> => {
    if (state.attachFailed) return;
    try {
      await measured(state, 'gc', 'GC.run');
      state.tail.read();
      state.points.flush();
      if (!(await measured(state, 'release', 'System.trim_native_heap'))) {
        options.append({
          type: 'note',
          tMs: options.nowMs(),
          code: 'source.jvmTrimUnavailable',
          pid: state.pid,
          text: `JVM ${state.pid} has no System.trim_native_heap (it came with JDK 17.0.9 and 21): only the GC's give-back was measured`,
        });
      }
    } catch {
      // the JVM went away or stopped answering: the probe measures nothing for it
    }
  };
  const askHeapRange = (state: JvmState): void => {
    state.heapRangeAsked = true;
    command(state.pid, 'GC.heap_info').then(
      (result) => {
        state.heapRange = result.ok ? parseHeapRange(result.output) : null;
      },
      () => {},
    );
  };
  const readResident = (state: JvmState, tMs: number): void => {
    if (state.heapRange === null || tMs - state.lastResidentMs < HEAP_RESIDENT_EVERY_MS) return;
    state.lastResidentMs = tMs;
    const residentBytes = residentInRange(state.pid, state.heapRange);
    if (residentBytes !== null) {
      options.append({ type: 'heap-resident', tMs, pid: state.pid, residentBytes });
    }
  };
  // A JVM that has not collected on its own is left alone: forcing a GC would hide the
  // no-gc-yet finding, and its heap is still below the young generation anyway.
  const wantsProbe = (state: JvmState): boolean =>
    !options.passive && state.facts.loggingProven && state.naturalGcs > 0 && !state.inFlight;

  return {
    env: (base) =>
      logOptions === null
        ? base
        : { ...base, JAVA_TOOL_OPTIONS: mergeJavaToolOptions(base.JAVA_TOOL_OPTIONS, logOptions) },
    tick: () => {
      discover();
      const tMs = options.nowMs();
      for (const state of jvms.values()) {
        // Asked once logging is proven: the JVM is up (its signal handlers too).
        if (state.facts.loggingProven && !state.heapRangeAsked) askHeapRange(state);
        // A cycle's last event is in by the next tick.
        const pendingMs = state.points.pendingSinceMs;
        if (pendingMs !== null && tMs - pendingMs > PENDING_CYCLE_MS) state.points.flush();
        readResident(state, tMs);
        if (!wantsProbe(state)) continue;
        if (state.sites.due(tMs, state.forcedPauseMs)) void histogram(state);
        else if (dueForProbe(state, tMs, everyMs)) void force(state);
      }
    },
    finalProbe: async () => {
      discover();
      const tMs = options.nowMs();
      await Promise.all(
        [...jvms.values()]
          .filter(wantsProbe)
          .map((state) => (state.sites.final(tMs) ? histogram(state) : force(state))),
      );
    },
    releaseProbe: async () => {
      discover();
      await Promise.all([...jvms.values()].map(release));
    },
    pids: () => [...jvms.keys()],
    heapRanges: (pid) => {
      const range = jvms.get(pid)?.heapRange ?? null;
      return range === null ? null : [range];
    },
    close: async () => {
      await Promise.allSettled([...inFlight]);
      discover();
      for (const state of jvms.values()) {
        state.tail.flush();
        state.tail.close();
        state.points.flush();
        if (state.malformed > 1) {
          options.append({
            type: 'note',
            tMs: options.nowMs(),
            code: 'source.jvmLogMalformed',
            pid: state.pid,
            text: `${state.malformed} GC log lines of JVM ${state.pid} did not parse and were skipped`,
          });
        }
        writeFacts(state);
      }
    },
  };
}
