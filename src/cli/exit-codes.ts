// Exit codes (DESIGN, "Exit codes"). Only src/cli sets them.

import type { Verdict } from '../verdict/verdicts.js';
export const EXIT_REPORT = 0;
export const EXIT_FAIL_ON = 1;
export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 3;
export const EXIT_INTERRUPTED = 130;

// 0, or 1 when the verdict is one --fail-on lists.
export function exitFor(verdict: Verdict, failOn: readonly Verdict[] | undefined): number {
  return failOn?.includes(verdict) ? EXIT_FAIL_ON : EXIT_REPORT;
}
