// Hysteresis for provisional verdicts: what the live view, `--metrics` and watch() show
// while a run lasts. A verdict rebuilt every few seconds from a growing recording can flip
// between `leak` and a non-leak on the last few points; an alarm that comes and goes is
// worse than one that comes late. So the shown verdict crosses the alarm line (leak,
// native-leak ↔ the rest) only after CONFIRMATIONS consecutive evaluations on the other
// side, each with new evidence (more samples or live points than the one before). Within
// one side it follows at once: `steady` → `retention` is no alarm.

import type { Verdict } from './verdicts.js';

// Two in a row, five seconds apart at the default pace: a leak is shown ≥ 5 s after the
// first evaluation that saw it, and a steady target's one-off wobble is never shown.
export const CONFIRMATIONS = 2;

export interface Judgement {
  verdict: Verdict;
  confidence: number;
}

const ALARMS: ReadonlySet<Verdict> = new Set(['leak', 'native-leak']);

export function isAlarm(verdict: Verdict): boolean {
  return ALARMS.has(verdict);
}

export class Hysteresis<T extends Judgement> {
  #shown: T | null = null;
  #pending: { alarm: boolean; count: number } | null = null;
  #lastEvidence = Number.NEGATIVE_INFINITY;

  // The judgement to show after this evaluation; null until a non-alarm one is seen or an
  // alarm is confirmed. `evidence` is any count that grows with new data.
  update(candidate: T, evidence: number): T | null {
    if (evidence <= this.#lastEvidence) return this.#shown;
    this.#lastEvidence = evidence;
    const shownAlarm = this.#shown !== null && isAlarm(this.#shown.verdict);
    const alarm = isAlarm(candidate.verdict);
    if (alarm === shownAlarm) {
      this.#shown = candidate;
      this.#pending = null;
      return this.#shown;
    }
    const count = this.#pending?.alarm === alarm ? this.#pending.count + 1 : 1;
    this.#pending = { alarm, count };
    // Before anything is shown, a non-alarm needs no confirmation: it is the starting side.
    if (count >= CONFIRMATIONS || (!alarm && this.#shown === null)) {
      this.#shown = candidate;
      this.#pending = null;
    }
    return this.#shown;
  }

  get shown(): T | null {
    return this.#shown;
  }
}
