// Advice as a truth table: for each runtime, which facts give which advice codes, and
// that every piece names the figure that triggered it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AdviceFacts } from '../../src/advice/advice.js';
import { chooseAdvice } from '../../src/advice/choose-advice.js';

const MIB = 1024 * 1024;

const BASE: AdviceFacts = {
  runtime: 'node',
  verdict: 'steady',
  rssBytes: 200 * MIB,
  peakRssBytes: 220 * MIB,
  anonBytes: 160 * MIB,
  liveHeapBytes: 40 * MIB,
  heapFreeBytes: 10 * MIB,
  allocatorFreeBytes: 4 * MIB,
  offHeapBytes: null,
  lazyFreeBytes: 0,
  limitBytes: null,
  reclaimableBytes: null,
  gogcPercent: 100,
  goMemoryLimitBytes: null,
  jvmCollector: null,
  jdkMajor: null,
};

const ROWS: Array<[string, Partial<AdviceFacts>, string[]]> = [
  ['node steady, nothing dominant', {}, []],
  ['node inconclusive: never advice', { verdict: 'inconclusive', heapFreeBytes: 150 * MIB }, []],
  ['node leak, no limit: heap cap from the peak', { verdict: 'leak' }, ['node-max-old-space-size']],
  [
    'node leak, cgroup limit',
    { verdict: 'leak', limitBytes: 1024 * MIB },
    ['node-max-old-space-size'],
  ],
  [
    'node retention, V8 free heap',
    { verdict: 'retention', heapFreeBytes: 80 * MIB },
    ['node-semi-space'],
  ],
  [
    'node retention, allocator free dominates',
    { verdict: 'retention', allocatorFreeBytes: 120 * MIB },
    ['node-jemalloc', 'node-free-os-memory'],
  ],
  [
    'node release probe measured a large give-back',
    { verdict: 'retention', reclaimableBytes: 150 * MIB },
    ['node-free-os-memory'],
  ],
  ['node other runtime', { runtime: 'other', verdict: 'leak' }, []],
  ['go no-gc-yet', { runtime: 'go', verdict: 'no-gc-yet' }, ['go-gc-at-start']],
  ['go steady, no limit: GOMEMLIMIT from the peak', { runtime: 'go' }, ['go-memlimit']],
  ['go steady, GOMEMLIMIT already set', { runtime: 'go', goMemoryLimitBytes: 300 * MIB }, []],
  [
    'go retention, heap held beyond live',
    { runtime: 'go', verdict: 'retention', heapFreeBytes: 100 * MIB },
    ['go-gogc', 'go-memlimit', 'go-free-os-memory'],
  ],
  [
    'go leak, cgroup limit',
    { runtime: 'go', verdict: 'leak', limitBytes: 512 * MIB },
    ['go-memlimit'],
  ],
  ['go leak, no limit: no GOMEMLIMIT from a leaking peak', { runtime: 'go', verdict: 'leak' }, []],
  ['jvm leak, no limit', { runtime: 'jvm', verdict: 'leak' }, ['jvm-xmx']],
  [
    'jvm steady, cgroup limit',
    { runtime: 'jvm', limitBytes: 1024 * MIB, offHeapBytes: 60 * MIB },
    ['jvm-xmx'],
  ],
  [
    'jvm retention, G1 on 17',
    {
      runtime: 'jvm',
      verdict: 'retention',
      heapFreeBytes: 120 * MIB,
      jvmCollector: 'G1',
      jdkMajor: 17,
    },
    ['jvm-periodic-gc'],
  ],
  [
    'jvm retention, G1 on 11: no periodic GC there',
    {
      runtime: 'jvm',
      verdict: 'retention',
      heapFreeBytes: 120 * MIB,
      jvmCollector: 'G1',
      jdkMajor: 11,
    },
    [],
  ],
  [
    'jvm retention, ZGC',
    {
      runtime: 'jvm',
      verdict: 'retention',
      heapFreeBytes: 120 * MIB,
      jvmCollector: 'The Z Garbage Collector',
      jdkMajor: 17,
    },
    ['jvm-soft-max-heap'],
  ],
  [
    'jvm no-gc-yet, G1 on 17',
    { runtime: 'jvm', verdict: 'no-gc-yet', jvmCollector: 'G1', jdkMajor: 17 },
    ['jvm-periodic-gc'],
  ],
];

for (const [name, facts, expected] of ROWS) {
  test(`advice: ${name} → ${expected.join(', ') || 'none'}`, () => {
    const advice = chooseAdvice({ ...BASE, ...facts });
    assert.deepEqual(
      advice.map((a) => a.code),
      expected,
    );
    for (const piece of advice) {
      const figures = Object.values(piece.because);
      assert.ok(figures.length > 0 && figures.every(Number.isFinite), piece.code);
    }
  });
}

test('advice: sizes come from the limit or the peak they name', () => {
  const [limit] = chooseAdvice({ ...BASE, verdict: 'leak', limitBytes: 1024 * MIB });
  assert.match(limit!.text, /--max-old-space-size=768\b/);
  const [peak] = chooseAdvice({ ...BASE, verdict: 'leak' });
  assert.match(peak!.text, /--max-old-space-size=330\b/);
  const [memlimit] = chooseAdvice({ ...BASE, runtime: 'go', limitBytes: 1000 * MIB });
  assert.match(memlimit!.text, /GOMEMLIMIT=900MiB/);
  const [trigger] = chooseAdvice({ ...BASE, runtime: 'go', verdict: 'no-gc-yet', gogcPercent: 50 });
  assert.equal(trigger!.because.firstTriggerBytes, 2 * MIB);
});

test('advice: never MALLOC_ARENA_MAX=2, whatever the facts', () => {
  for (const [, facts] of ROWS) {
    for (const piece of chooseAdvice({ ...BASE, ...facts, allocatorFreeBytes: 150 * MIB })) {
      assert.doesNotMatch(piece.text, /MALLOC_ARENA_MAX/);
    }
  }
});
