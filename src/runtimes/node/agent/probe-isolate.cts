// One isolate's part of a forced-GC probe, the same on the main thread and in a worker:
// the forced GC and the heap after it, and the heap profile when attribution asked for one.
// A periodic probe (freshMs set) is lighter: an isolate whose own full GC came within
// freshMs has its live point already and is left alone; the others wait for a quiet spell
// (when-idle.cts), and one still busy then, whose heap (its lowest over a short window)
// stayed within boundSlackBytes of its last live point, gives that bound instead of a full
// GC (gc-watch.cts), and one a little over puts its pause off to the next probe. While
// the process's live heap is not rising (boundIdle), an idle isolate with an exact point
// gives a bound too; once it rises, idle isolates are paused for exact points, which keep
// a leak's slope clean. A pause can cost a target more than itself: on the demo receiver
// one full GC took a thread from no full GC in 60 s to about one a second (gc-watch.cts
// says why), and the five workers' first forced GCs raised its RSS by 1.0 MiB
// (docs/benchmarks.md). The final probe and attribution's force every isolate, still one
// after the other: their live point must be exact. Each point carries the probe's number,
// so the live series sums it as one round.

import type { GcWatch } from './gc-watch.cjs';
import { whenIdle } from './when-idle.cjs';
import type {
  AgentMessage,
  BoundMessage,
  HeapMessage,
  SitesMessage,
} from '../../../sources/agent-protocol.cjs';

// How long a periodic probe waits for a quiet spell before it goes ahead.
export const IDLE_WAIT_MAX_MS = 300;

// How far all isolates' bounds together may rise before one is paused: under half
// the smallest growth a verdict calls a leak (LEAK_MIN_BYTES, analysis/leak-size.ts), so
// that bounds alone never make one. Shared out in turn between the process's isolates
// (agent.cts).
export const BOUND_SLACK_TOTAL_BYTES = 512 * 1024;

export interface ProbeRequest {
  // The control's id, stamped on the probe's bound or forced GC.
  probe: number;
  freshMs?: number;
  // This isolate's share of BOUND_SLACK_TOTAL_BYTES at a periodic probe.
  boundSlackBytes?: number;
  // A process whose live heap is not rising: an idle isolate gives a bound too.
  boundIdle?: boolean;
  sites: boolean;
}

export interface IsolateParts {
  watch: GcWatch;
  heap: () => HeapMessage;
  sites: () => SitesMessage | null;
}

// Resolves to how much of its slack the isolate's bound used: its rise over its last live
// point (0 without a bound).
export async function probeIsolate(
  { watch, heap, sites }: IsolateParts,
  request: ProbeRequest,
  emit: (message: AgentMessage) => void,
): Promise<number> {
  const { probe, freshMs, boundSlackBytes, boundIdle } = request;
  const fresh = (): boolean =>
    freshMs !== undefined && performance.now() - watch.lastFullMs < freshMs;
  let bound: BoundMessage | null = null;
  if (freshMs !== undefined && !fresh() && boundSlackBytes !== undefined) {
    const idle = await whenIdle(IDLE_WAIT_MAX_MS);
    // A busy isolate, where a pause costs most, gives a bound while its heap is flat; in a
    // process whose live heap is not rising, an idle one does too, once it has an exact
    // point to be held to: a first bound, its own reference, is high by the garbage an
    // idle heap keeps until its next scavenge (0.9 MiB on leak-and-garbage.mjs's worker),
    // and later exact points under it read as no rise. Only a busy heap swings with its
    // garbage, so only a busy one may put a pause off: an idle one that rose is paused at
    // once, for the exact point a leak's rise is read from.
    const boundsIdle = boundIdle === true && watch.referenceBytes !== undefined;
    if ((!idle || boundsIdle) && !fresh()) bound = await watch.bound(boundSlackBytes, !idle);
    if (bound !== null) emit({ ...bound, probe });
  }
  // Checked again: a natural full GC while it waited (the watch sent it) is the live point too.
  if (bound === null && !fresh()) emit({ ...watch.force(), probe });
  emit(heap());
  const profile = request.sites ? sites() : null;
  if (profile !== null) emit(profile);
  if (bound === null) return 0;
  // A pause put off: its whole share used, since the bound is over it.
  if (bound.pauseDeferred === true) return boundSlackBytes ?? 0;
  return Math.max(0, bound.liveBytes - watch.referenceBytes!);
}
