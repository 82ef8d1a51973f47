// Comparison v1: what `rssdoctor compare BEFORE AFTER` decides, the same shape in the
// terminal, --json and --html. Its JSON is a contract like the Report's: fields are added,
// never renamed. Schema: schema/comparison-v1.schema.json; prose: docs/compare.md.

import type { Verdict } from '../verdict/verdicts.js';
import type { ProcessFigures } from './process-figures.js';
import type { ChangeVerdict, RateDifference } from './rate-difference.js';

export const COMPARISON_SCHEMA_VERSION = 1;

export interface RunSide {
  path: string;
  command: string[];
  startedAt: string;
  intervalMs: number;
  durationMs: number;
  verdict: Verdict;
  pid: number | null;
}

export interface ProcessComparison {
  name: string | null;
  runtime: string;
  // The series whose rates are compared: the live heap when both runs measured it.
  series: 'live' | 'rss';
  before: ProcessFigures | null;
  after: ProcessFigures | null;
  // null: a side is missing, or its series had too few points for a rate.
  difference: RateDifference | null;
  verdict: ChangeVerdict;
  text: string;
}

export interface Comparison {
  schemaVersion: typeof COMPARISON_SCHEMA_VERSION;
  verdict: ChangeVerdict;
  text: string;
  before: RunSide;
  after: RunSide;
  // The pair holding the before run's verdict process (its root when none).
  overall: ProcessComparison;
  processes: ProcessComparison[];
}
