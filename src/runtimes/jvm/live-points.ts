// Which JVM GC events become live points: DESIGN's list (a full GC, G1's Remark or Cleanup
// and the first mixed pause after them, a ZGC or Shenandoah cycle end), one per cycle,
// taking its last event: G1's Cleanup after its Remark, Shenandoah's final cleanup after
// the early one (events of one cycle share its GC id). The earlier event of the cycle is
// still recorded, without a live figure. A live event waits for the rest of its cycle.

import type { GcRecord } from '../../recording/records.js';
import type { JvmGcEvent } from './gc-event.js';

// The causes rssdoctor's own requests give: GC.run, and GC.class_histogram (attribution).
const FORCED_CAUSES: ReadonlySet<string> = new Set([
  'Diagnostic Command',
  'Heap Inspection Initiated GC',
]);

export function forcedCause(cause: string | null): boolean {
  return cause !== null && FORCED_CAUSES.has(cause);
}

export function jvmGcRecord(pid: number, event: JvmGcEvent, tMs: number, live: boolean): GcRecord {
  return {
    type: 'gc',
    tMs,
    pid,
    kind: live ? 'full' : 'minor',
    forced: forcedCause(event.cause),
    ...(live && event.heapAfterBytes !== null ? { liveBytes: event.heapAfterBytes } : {}),
    ...(event.heapBeforeBytes === null ? {} : { heapBeforeBytes: event.heapBeforeBytes }),
    ...(event.heapAfterBytes === null ? {} : { heapAfterBytes: event.heapAfterBytes }),
    ...(event.heapCommittedBytes === null ? {} : { heapCommittedBytes: event.heapCommittedBytes }),
    ...(event.pauseMs === null ? {} : { pauseMs: event.pauseMs }),
    ...(event.gcId === null ? {} : { count: event.gcId }),
    ...(event.cause === null ? {} : { cause: event.cause }),
    jvmKind: event.kind,
  };
}

export class JvmLivePoints {
  #afterRemark = false;
  #pending: { event: JvmGcEvent; tMs: number } | null = null;

  constructor(private readonly emit: (event: JvmGcEvent, tMs: number, live: boolean) => void) {}

  get pendingSinceMs(): number | null {
    return this.#pending?.tMs ?? null;
  }

  event(event: JvmGcEvent, tMs: number): void {
    const live = event.live || (event.kind === 'mixed' && this.#afterRemark);
    if (event.kind === 'remark' || event.kind === 'cleanup') this.#afterRemark = true;
    if (event.kind === 'mixed') this.#afterRemark = false;
    if (!live) return this.emit(event, tMs, false);
    const pending = this.#pending;
    if (pending !== null && event.gcId !== null && pending.event.gcId === event.gcId) {
      this.emit(pending.event, pending.tMs, false);
    } else {
      this.flush();
    }
    this.#pending = { event, tMs };
    // A full GC ends its own cycle: nothing of the same id follows.
    if (event.kind === 'full') this.flush();
  }

  // Records the waiting live event (its cycle is over, or the run is).
  flush(): void {
    if (this.#pending === null) return;
    this.emit(this.#pending.event, this.#pending.tMs, true);
    this.#pending = null;
  }
}
