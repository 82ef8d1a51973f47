// One isolate's part of a forced-GC probe, the same on the main thread and in a worker:
// the natural GCs so far first (so that they are not marked forced), then the forced one
// and the heap after it, and the heap profile when attribution asked for one.
// A periodic probe (freshMs set) is lighter on a busy target: an isolate whose own full
// GC came within freshMs has its live point already and is left alone, and the others
// wait for a quiet spell first (when-idle.cts). The final probe and attribution's force
// every isolate, still one after the other: their live point must be fresh.

import type { GcWatch } from './gc-watch.cjs';
import { whenIdle } from './when-idle.cjs';
import type { AgentMessage, HeapMessage, SitesMessage } from '../../../sources/agent-protocol.cjs';

// How long a periodic probe waits for a quiet spell before it goes ahead.
export const IDLE_WAIT_MAX_MS = 300;

export interface ProbeRequest {
  freshMs?: number;
  sites: boolean;
}

export interface IsolateParts {
  watch: GcWatch;
  heap: () => HeapMessage;
  sites: () => SitesMessage | null;
}

export async function probeIsolate(
  { watch, heap, sites }: IsolateParts,
  request: ProbeRequest,
  emit: (message: AgentMessage) => void,
): Promise<void> {
  const { freshMs } = request;
  const fresh = (): boolean =>
    freshMs !== undefined && performance.now() - watch.lastFullMs < freshMs;
  for (const natural of watch.drain()) emit(natural);
  if (freshMs !== undefined && !fresh()) {
    await whenIdle(IDLE_WAIT_MAX_MS);
    for (const natural of watch.drain()) emit(natural);
  }
  // Checked again: a natural full GC while it waited is the live point too.
  if (!fresh()) for (const forced of watch.force()) emit(forced);
  emit(heap());
  const profile = request.sites ? sites() : null;
  if (profile !== null) emit(profile);
}
