// Attribution's instants: when a runtime's session takes a profile of what is kept in one
// target (report/attribution.ts compares the first with the last). The first comes once
// start-up is past: a fifth of --duration, at most 10 s. Each later one comes when the run
// has doubled its age since the previous one, so a 40 s run takes them at 8, 16 and 32 s,
// a day-long one about fourteen in all, and the final one rides on the last forced GC. Each
// comes with a forced full GC, so it waits while the forced pauses are over the budget
// (probe-pacing.ts).

import { PAUSE_BUDGET_FRACTION } from '../analysis/forced-pause.js';

const FIRST_MAX_MS = 10_000;
const FIRST_MIN_MS = 1_000;
const FIRST_FRACTION = 0.2;
// A final profile within a tenth of the run's age of the last one would add nothing.
const FINAL_GAP_FRACTION = 0.1;

export class SitesSchedule {
  #on: boolean;
  readonly #firstMs: number;
  // When the last profile was asked for; null before the first.
  #lastMs: number | null = null;

  // on: attribution is wanted here (context.attribution, and the target can be profiled).
  constructor(on: boolean, durationMs: number | undefined) {
    this.#on = on;
    this.#firstMs =
      durationMs === undefined
        ? FIRST_MAX_MS
        : Math.max(FIRST_MIN_MS, Math.min(FIRST_MAX_MS, durationMs * FIRST_FRACTION));
  }

  // tMs: the run's clock; forcedPauseMs: the target's forced pauses so far.
  due(tMs: number, forcedPauseMs: number): boolean {
    const come = this.#lastMs === null ? tMs >= this.#firstMs : tMs >= 2 * this.#lastMs;
    return this.#on && come && forcedPauseMs <= PAUSE_BUDGET_FRACTION * tMs;
  }

  // Whether the final forced GC takes one too: only after an earlier one (Node's first
  // starts the sampling), and not right after it.
  final(tMs: number): boolean {
    return this.#on && this.#lastMs !== null && tMs - this.#lastMs >= FINAL_GAP_FRACTION * tMs;
  }

  // Whether a profile was asked for yet.
  get started(): boolean {
    return this.#lastMs !== null;
  }

  taken(tMs: number): void {
    this.#lastMs = tMs;
  }

  // The target refused a profile: none is asked again (its note says why).
  stop(): void {
    this.#on = false;
  }
}

// Why no profile is taken in this run, or null when they are (the note it writes).
export function sitesOffWhy(options: { passive?: boolean; attribution?: boolean }): string | null {
  if (options.passive === true) {
    return '--passive: no heap profile was taken (each needs a forced GC), so no code is named';
  }
  if (options.attribution === false) return '--no-attribution: no heap profile was taken';
  return null;
}
