// The reason for too few live points, through the whole decision (analyzeProcess →
// judgeProcess): when rssdoctor's forced GCs were slow enough that the pause budget spaced
// them out, the reason says so and gives the pace it allowed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  analyzeProcess,
  emptyRecordLists,
  type ProcessFindings,
} from '../../src/analysis/process-findings.js';
import type { GcRecord, SampleRecord } from '../../src/recording/records.js';
import { jvmTooFewReason } from '../../src/runtimes/jvm/explain.js';
import type { JvmFindings } from '../../src/runtimes/jvm/findings.js';
import { judgeProcess } from '../../src/verdict/process-verdict.js';
import { anonSample } from '../support/sample-record.js';

const MIB = 1024 * 1024;
const SPAN_S = 30;

// RSS rising all run (nothing bounds it), three forced GCs of a flat 40 MiB heap.
function findings(pauseMs: number): ProcessFindings {
  const samples: SampleRecord[] = [];
  for (let t = 0; t <= SPAN_S; t++) samples.push(anonSample(t * 1000, 60 * MIB + t * MIB));
  const gcs: GcRecord[] = [5, 15, 25].map((t) => ({
    type: 'gc',
    tMs: t * 1000,
    pid: 1,
    kind: 'full',
    forced: true,
    pauseMs,
    liveBytes: 40 * MIB,
  }));
  const records = { ...emptyRecordLists(), pid: 1, runtime: 'node' as const, workers: 0 };
  return analyzeProcess({ ...records, samples, gcs });
}

function judged(pauseMs: number): { verdict: string; text: string } {
  const judgement = judgeProcess(findings(pauseMs));
  return { verdict: judgement.verdict, text: judgement.reasons[0]!.text };
}

test('explain-runtime: slow forced GCs that spent the pause budget are named with their pace', () => {
  const slow = judged(200);
  assert.equal(slow.verdict, 'inconclusive');
  assert.match(slow.text, /^saw 3 full GC\(s\), need 5 to judge the live heap; /);
  assert.match(slow.text, /paused the program 200 ms \(3 in all\)/);
  // 200 ms within 2% of the time: one every 10 s.
  assert.match(slow.text, /one every 10\.0 s at that cost: run longer/);
});

test('explain-runtime: quick forced GCs leave the reason as it was', () => {
  const quick = judged(5);
  assert.equal(quick.verdict, 'inconclusive');
  assert.match(quick.text, /^saw 3 full GC\(s\), need 5 to judge the live heap: run longer/);
});

test('explain-runtime: a JVM whose GC.run pauses spent the budget says so in its own words', () => {
  const jvm = { gcCount: 3, missingProof: [] } as unknown as JvmFindings;
  const found = findings(200).runtimeFindings!;
  const text = jvmTooFewReason(jvm, found, SPAN_S * 1000).text;
  assert.match(text, /in 3 GC\(s\), need 5; each GC rssdoctor forced paused the program 200 ms/);
  assert.doesNotMatch(
    jvmTooFewReason(jvm, findings(5).runtimeFindings!, SPAN_S * 1000).text,
    /paused/,
  );
});
