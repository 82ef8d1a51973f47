// One isolate's part of a forced-GC probe, the same on the main thread and in a worker:
// the forced GC and the heap after it, and the heap profile when attribution asked for one.
// A periodic probe (freshMs set) is lighter: an isolate whose own full GC came within
// freshMs has its live point already and is left alone; the others wait for a quiet spell
// (when-idle.cts), and one still busy then, whose heap (its lowest over a short window)
// stayed within boundSlackBytes of its last live point, gives that bound instead of a full
// GC (gc-watch.cts), and one a little over puts its pause off to the next probe. An
// idle isolate pays little for an exact point. A pause can cost a busy target much more
// than itself: on the demo receiver one full GC took a thread from no full GC in 60 s to
// about one a second (gc-watch.cts says why). The final probe and attribution's force every
// isolate, still one after the other: their live point must be exact.

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
  freshMs?: number;
  // This isolate's share of BOUND_SLACK_TOTAL_BYTES at a periodic probe.
  boundSlackBytes?: number;
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
  const { freshMs, boundSlackBytes } = request;
  const fresh = (): boolean =>
    freshMs !== undefined && performance.now() - watch.lastFullMs < freshMs;
  let bound: BoundMessage | null = null;
  if (freshMs !== undefined && !fresh()) {
    const idle = await whenIdle(IDLE_WAIT_MAX_MS);
    // A busy isolate, where a pause costs most, gives a bound while its heap is flat.
    if (!idle && !fresh() && boundSlackBytes !== undefined)
      bound = await watch.bound(boundSlackBytes);
    if (bound !== null) emit(bound);
  }
  // Checked again: a natural full GC while it waited (the watch sent it) is the live point too.
  if (bound === null && !fresh()) emit(watch.force());
  emit(heap());
  const profile = request.sites ? sites() : null;
  if (profile !== null) emit(profile);
  if (bound === null) return 0;
  // A pause put off: its whole share used, since the bound is over it.
  if (bound.pauseDeferred === true) return boundSlackBytes ?? 0;
  return Math.max(0, bound.liveBytes - watch.referenceBytes!);
}
