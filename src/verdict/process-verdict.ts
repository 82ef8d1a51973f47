// Turns one process's findings into its verdict, confidence and reasons.

import { MIN_OS_POINTS } from '../analysis/evidence.js';
import type { ProcessFindings } from '../analysis/process-findings.js';
import {
  flatConfidence,
  OS_LEVEL_CONFIDENCE_CAP,
  OS_STEADY_CONFIDENCE_MAX,
  trendConfidence,
} from './confidence.js';
import { decide, type DecisionFacts, type RuleCode } from './decide.js';
import {
  osFlatReasons,
  osPlateauReasons,
  osUnsettledReasons,
  osRisingReasons,
  tooFewSamplesReason,
} from './explain-os.js';
import type { Reason } from './reason.js';
import type { Runtime, Verdict } from './verdicts.js';

export interface ProcessVerdict {
  pid: number;
  runtime: Runtime;
  verdict: Verdict;
  confidence: number;
  rule: RuleCode;
  reasons: Reason[];
}

export function judgeProcess(findings: ProcessFindings): ProcessVerdict {
  const rss = findings.rss;
  const facts: DecisionFacts = {
    runtime: 'other',
    osEnough: rss.state === 'ok',
    liveSource: 'none',
    liveRising: false,
    livePlateau: false,
    liveStale: false,
    memLimitBound: false,
    nativeRising: false,
    nativePlateau: false,
    rssRising: rss.state === 'ok' && rss.rising,
    rssRose: rss.state === 'ok' && rss.rose,
    rssPlateau: rss.state === 'ok' && rss.plateau,
    rssPersists: rss.state === 'ok' && rss.persists,
    rssFarAboveLive: false,
    noGcProven: false,
    heapBelowFirstTrigger: false,
  };
  const { verdict, rule } = decide(facts);
  const base = { pid: findings.pid, runtime: facts.runtime, verdict, rule };
  if (rss.state !== 'ok') {
    return {
      ...base,
      confidence: 0,
      reasons: [
        tooFewSamplesReason(findings.samples, MIN_OS_POINTS, findings.lastMs - findings.firstMs),
      ],
    };
  }
  if (rule === 'os-rising') {
    return {
      ...base,
      confidence: trendConfidence(rss.trend.pValue, OS_LEVEL_CONFIDENCE_CAP),
      reasons: osRisingReasons(rss),
    };
  }
  if (rule === 'os-rise-then-plateau') {
    return { ...base, confidence: OS_LEVEL_CONFIDENCE_CAP, reasons: osPlateauReasons(rss) };
  }
  if (rule === 'os-rise-unsettled') {
    return { ...base, confidence: 0, reasons: osUnsettledReasons(rss) };
  }
  return {
    ...base,
    confidence: flatConfidence(rss.points, MIN_OS_POINTS, OS_STEADY_CONFIDENCE_MAX),
    reasons: osFlatReasons(rss),
  };
}
