// `analyze`: the verdict engine on a series you recorded yourself (OS-level RSS).

import { analyzeProcess, emptyRecordLists } from './analysis/process-findings.js';
import type { SampleRecord } from './recording/records.js';
import { judgeProcess } from './verdict/process-verdict.js';
import type { Reason } from './verdict/reason.js';
import type { Verdict } from './verdict/verdicts.js';

export interface AnalyzeInput {
  // Milliseconds since the start, ascending; one per RSS value.
  tMs: readonly number[];
  rssBytes: readonly number[];
}

export interface AnalyzeResult {
  verdict: Verdict;
  confidence: number;
  reasons: Reason[];
}

/**
 * Decides leak / retention / steady / inconclusive for an RSS series with no runtime
 * source, with the same statistics as `rssdoctor run`.
 *
 * @example
 * const { verdict } = analyze({ tMs: [0, 1000, 2000], rssBytes: [1e8, 1.1e8, 1.2e8] });
 */
export function analyze(input: AnalyzeInput): AnalyzeResult {
  if (input.tMs.length !== input.rssBytes.length) {
    throw new TypeError(
      `analyze: tMs and rssBytes must have the same length, got ${input.tMs.length} and ${input.rssBytes.length}`,
    );
  }
  const samples: SampleRecord[] = input.tMs.map((tMs, i) => ({
    type: 'sample',
    tMs,
    pid: 0,
    rssBytes: input.rssBytes[i]!,
    rssAnonBytes: 0,
    rssFileBytes: 0,
    rssShmemBytes: 0,
    swapBytes: 0,
    threads: 0,
  }));
  const judged = judgeProcess(
    analyzeProcess({ ...emptyRecordLists(), pid: 0, runtime: 'other', workers: 0, samples }),
  );
  return { verdict: judged.verdict, confidence: judged.confidence, reasons: judged.reasons };
}
