import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProcessVerdict } from '../../src/verdict/process-verdict.js';
import { topLevel } from '../../src/verdict/top-level.js';
import type { Verdict } from '../../src/verdict/verdicts.js';

const judged = (pid: number, verdict: Verdict, confidence: number): ProcessVerdict => ({
  pid,
  runtime: 'other',
  verdict,
  confidence,
  rule: 'os-flat',
  reasons: [],
});

test('top level: the most severe process wins and is named', () => {
  const top = topLevel([
    judged(1, 'steady', 0.8),
    judged(2, 'leak', 0.4),
    judged(3, 'retention', 0.5),
  ]);
  assert.equal(top?.pid, 2);
  assert.equal(top?.verdict, 'leak');
});

test('top level: severity order leak > native-leak > no-gc-yet > retention > steady > inconclusive', () => {
  const order: Verdict[] = [
    'inconclusive',
    'steady',
    'retention',
    'no-gc-yet',
    'native-leak',
    'leak',
  ];
  for (let i = 1; i < order.length; i++) {
    const top = topLevel(order.slice(0, i + 1).map((verdict, pid) => judged(pid, verdict, 0.5)));
    assert.equal(top?.verdict, order[i]);
  }
});

test('top level: a tie goes to the higher confidence, then to the first process', () => {
  assert.equal(topLevel([judged(1, 'steady', 0.5), judged(2, 'steady', 0.7)])?.pid, 2);
  assert.equal(topLevel([judged(1, 'steady', 0.5), judged(2, 'steady', 0.5)])?.pid, 1);
  assert.equal(topLevel([]), undefined);
});
