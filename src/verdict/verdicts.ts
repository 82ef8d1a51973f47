// The closed set of verdicts and their severity order (most severe first). The top-level
// verdict of a process tree is its most severe process verdict.

export const VERDICTS = [
  'leak',
  'native-leak',
  'no-gc-yet',
  'retention',
  'steady',
  'inconclusive',
] as const;

export type Verdict = (typeof VERDICTS)[number];

export type { Runtime } from '../recording/records.js';

// Lower is more severe.
export function severityRank(verdict: Verdict): number {
  return VERDICTS.indexOf(verdict);
}

export function isVerdict(value: string): value is Verdict {
  return (VERDICTS as readonly string[]).includes(value);
}
