// A running JVM whose GC log cannot be turned on (JDK 8 has no VM.log, or VM.log was
// refused): each live point is a full GC forced with GC.run, then the heap in use read with
// GC.heap_info (heap-info.ts), paced and within the pause budget as in `run`. Natural GCs
// are not seen, so every live point is a forced one; GC.run's answer time bounds its pause.
// On attribution's schedule (run/sites-schedule.ts) GC.class_histogram is that full GC.

import { dueForProbe, probeEveryMs, probeInFlight } from '../../run/probe-pacing.js';
import { SitesSchedule } from '../../run/sites-schedule.js';
import { histogramSites } from './histogram-sites.js';
import type { AddressRange } from '../../sources/address-range.js';
import type { RuntimeSession, SessionContext } from '../runtime-session.js';
import { jvmDiagnosticCommand } from './attach.js';
import { parseHeapRange } from './heap-range.js';
import { parseHeapUsedBytes } from './heap-info.js';

export function openHeapInfoSession(pid: number, context: SessionContext): RuntimeSession {
  const everyMs = probeEveryMs(context.durationMs);
  const state = { lastLiveMs: context.nowMs(), inFlight: false, forcedPauseMs: 0 };
  let heapRange: AddressRange | null = null;
  // The last forced GC, which close waits for (an attach left half done leaves its
  // handshake file in the JVM's directory).
  let last: Promise<void> = Promise.resolve();
  const force = (withSites = false): Promise<void> => (last = forceOnce(withSites));
  const schedule = new SitesSchedule(context.attribution, context.durationMs);
  const forceOnce = async (withSites: boolean): Promise<void> => {
    let pauseMs: number;
    if (withSites) {
      schedule.taken(context.nowMs());
      pauseMs = await histogramSites(pid, jvmDiagnosticCommand, context);
    } else {
      const gc = await jvmDiagnosticCommand(pid, 'GC.run');
      if (!gc.ok) throw new Error(`GC.run was refused (${gc.output.trim()})`);
      pauseMs = gc.durationMs;
    }
    state.forcedPauseMs += pauseMs;
    const info = await jvmDiagnosticCommand(pid, 'GC.heap_info');
    const usedBytes = info.ok ? parseHeapUsedBytes(info.output) : null;
    if (usedBytes === null) throw new Error('GC.heap_info printed no heap in use');
    heapRange ??= parseHeapRange(info.output);
    const tMs = context.nowMs();
    state.lastLiveMs = tMs;
    context.append({ type: 'control', tMs, pid, action: 'gc', durationMs: pauseMs });
    context.append({
      type: 'gc',
      tMs,
      pid,
      kind: 'full',
      forced: true,
      liveBytes: usedBytes,
      heapAfterBytes: usedBytes,
      cause: withSites ? 'Heap Inspection Initiated GC' : 'Diagnostic Command',
      jvmKind: 'full',
    });
  };
  const failed = (error: Error): void =>
    context.append({
      type: 'note',
      tMs: context.nowMs(),
      code: 'source.jvmAttachFailed',
      pid,
      text: `pid ${pid}: ${error.message}`,
    });
  return {
    env: (base) => base,
    tick: () => {
      const tMs = context.nowMs();
      if (context.passive || state.inFlight) return;
      if (schedule.due(tMs, state.forcedPauseMs)) probeInFlight(state, () => force(true), failed);
      else if (dueForProbe(state, tMs, everyMs)) probeInFlight(state, () => force(), failed);
    },
    finalProbe: async () => {
      if (!context.passive) await force(schedule.final(context.nowMs())).catch(failed);
    },
    pids: () => [pid],
    heapRanges: (asked) => (asked === pid && heapRange !== null ? [heapRange] : null),
    close: () => last.catch(() => undefined),
  };
}
