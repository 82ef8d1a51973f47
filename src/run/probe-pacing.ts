// Active confirmation's pacing, shared by every runtime rssdoctor can force a GC in (the
// Node agent's `gc`, the JVM's GC.run): how often, and within what pause budget.

// The budget itself is defined beside the measure of forced pauses, which the report reads.
import { PAUSE_BUDGET_FRACTION } from '../analysis/forced-pause.js';

// Force a full GC when the last live point is older than this. With a known duration the
// run aims at ~15 live points, twice MIN_LIVE_POINTS, whatever its length.
export const PROBE_EVERY_DEFAULT_MS = 10_000;
export const PROBE_EVERY_MIN_MS = 1_000;
export const LIVE_POINTS_TARGET = 15;

export function probeEveryMs(durationMs: number | undefined): number {
  return durationMs === undefined
    ? PROBE_EVERY_DEFAULT_MS
    : Math.max(
        PROBE_EVERY_MIN_MS,
        Math.min(PROBE_EVERY_DEFAULT_MS, durationMs / LIVE_POINTS_TARGET),
      );
}

// What the pacing reads of one target (a Node or Python process, a JVM, this process).
export interface ProbeTarget {
  // When its last live point came, natural or forced.
  lastLiveMs: number;
  // A forced GC asked for and not answered yet.
  inFlight: boolean;
  // The forced pause it took so far (the worst isolate's, for several).
  forcedPauseMs: number;
}

// A forced live point lands some milliseconds after the tick that asked for it, so the
// next tick, everyMs later, finds it a little younger than everyMs: without this slack a
// probe every 1 s came every 2 s.
const DUE_SLACK_FRACTION = 0.1;

// How old a live point may be and still count as fresh, for a probe every everyMs: the
// same age on both sides (rssdoctor asking, the Node agent skipping a fresh isolate), or the
// agent would skip what rssdoctor asked for and a 1 s probe would come every 2 s again.
export function freshForMs(everyMs: number): number {
  return (1 - DUE_SLACK_FRACTION) * everyMs;
}

// The one rule every forcing side follows: no live point for everyMs, nothing in flight,
// and the forced pauses so far within the budget.
export function dueForProbe(target: ProbeTarget, tMs: number, everyMs: number): boolean {
  return (
    !target.inFlight &&
    tMs - target.lastLiveMs >= freshForMs(everyMs) &&
    target.forcedPauseMs <= PAUSE_BUDGET_FRACTION * tMs
  );
}

// Starts one probe with its target marked in flight, so that the ticks meanwhile start no
// other; a failure goes to `failed` (a note), never to the tick that started it.
export function probeInFlight(
  target: Pick<ProbeTarget, 'inFlight'>,
  probe: () => Promise<void>,
  failed: (error: Error) => void,
): void {
  target.inFlight = true;
  void probe()
    .catch(failed)
    .finally(() => {
      target.inFlight = false;
    });
}
