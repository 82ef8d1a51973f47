// The reason for too few live points, through the whole decision (analyzeProcess →
// judgeProcess): when rssdoctor's forced GCs were slow enough that the pause budget spaced
// them out, the reason says so and gives the pace it allowed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeProcess, emptyRecordLists } from '../../src/analysis/process-findings.js';
import type { GcRecord, SampleRecord } from '../../src/recording/records.js';
import { judgeProcess } from '../../src/verdict/process-verdict.js';
import { anonSample } from '../support/sample-record.js';

const MIB = 1024 * 1024;
const SPAN_S = 30;

// RSS rising all run (nothing bounds it), three forced GCs of a flat 40 MiB heap.
function judged(pauseMs: number): { verdict: string; text: string } {
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
  const judgement = judgeProcess(analyzeProcess({ ...records, samples, gcs }));
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
