// The gctrace parser on lines captured here from Go 1.19.8 (test/fixtures/go-traces,
// regenerate by running the Go fixtures with GODEBUG=gctrace=1,scavtrace=1) and on
// samples of the other versions' shape, written from each version's print statement in
// runtime/mgc.go (gcMarkTermination).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { test } from 'node:test';
import { assertFiniteFigures, damaged } from '../../support/fuzz.js';
import { looksLikeGcTrace, parseGcTrace } from '../../../src/runtimes/go/gctrace.js';
import { repoRoot } from '../../support/paths.js';

const MIB = 1024 * 1024;
const captured = readFileSync(
  path.join(repoRoot, 'test', 'fixtures', 'go-traces', 'go1.19.8.txt'),
  'utf8',
)
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'));

test('gctrace: every captured Go 1.19 GC line parses, numbered in order', () => {
  const gcLines = captured.filter(looksLikeGcTrace);
  assert.ok(gcLines.length >= 10, `only ${gcLines.length} captured gc lines`);
  const parsed = gcLines.map(parseGcTrace);
  assert.ok(parsed.every((line) => line !== null));
  // Two programs were captured, each numbering its GCs from 1.
  const numbers = parsed.map((line) => line!.gcNumber);
  assert.equal(numbers.filter((n) => n === 1).length, 2);
  for (const line of parsed) {
    assert.ok(line!.stacksBytes !== null && line!.globalsBytes !== null, 'Go 1.18+ has both');
    assert.ok(line!.liveBytes <= line!.heapMarkedBytes + MIB);
  }
});

test('gctrace: the captured forced GC (debug.FreeOSMemory) is marked forced, with its H0->H1->H2', () => {
  const forced = captured.filter((line) => looksLikeGcTrace(line) && line.endsWith('(forced)'));
  assert.equal(forced.length, 1);
  const parsed = parseGcTrace(forced[0]!)!;
  assert.equal(parsed.forced, true);
  // The fixture held 64 MiB, dropped it, then called debug.FreeOSMemory.
  assert.equal(parsed.heapStartBytes, 64 * MIB);
  assert.equal(parsed.liveBytes, 0);
  assert.ok(parsed.goalBytes >= 64 * MIB);
  assert.equal(parsed.procs, 2);
});

test('gctrace: every field of one line, read by hand', () => {
  const parsed = parseGcTrace(
    'gc 6 @0.055s 1%: 0.027+0.098+0.004 ms clock, 0.054+0/0.066/0.070+0.008 ms cpu, 64->63->2 MB, 126 MB goal, 1 MB stacks, 3 MB globals, 2 P',
  )!;
  assert.deepEqual(parsed, {
    gcNumber: 6,
    atSeconds: 0.055,
    cpuPercent: 1,
    pauseMs: parsed.pauseMs,
    markMs: 0.098,
    heapStartBytes: 64 * MIB,
    heapMarkedBytes: 63 * MIB,
    liveBytes: 2 * MIB,
    goalBytes: 126 * MIB,
    stacksBytes: MIB,
    globalsBytes: 3 * MIB,
    procs: 2,
    forced: false,
  });
  // Stop-the-world: sweep termination + mark termination.
  assert.ok(Math.abs(parsed.pauseMs - 0.031) < 1e-9);
});

test('gctrace: Go 1.14–1.17 lines (no stacks, no globals) parse with those fields null', () => {
  const parsed = parseGcTrace(
    'gc 1 @0.014s 1%: 0.010+0.47+0.003 ms clock, 0.041+0.20/0.38/0.54+0.014 ms cpu, 4->4->0 MB, 5 MB goal, 4 P',
  )!;
  assert.equal(parsed.stacksBytes, null);
  assert.equal(parsed.globalsBytes, null);
  assert.equal(parsed.goalBytes, 5 * MIB);
  assert.equal(parsed.forced, false);
  const forced = parseGcTrace(
    'gc 12 @31.250s 0%: 0.021+1.3+0.004 ms clock, 0.084+0/1.2/2.5+0.016 ms cpu, 310->310->112 MB, 620 MB goal, 4 P (forced)',
  )!;
  assert.equal(forced.forced, true);
  assert.equal(forced.liveBytes, 112 * MIB);
});

test('gctrace: MB figures are truncated MiB, taken as whole MiB', () => {
  const parsed = parseGcTrace(
    'gc 3 @2.000s 0%: 0.01+0.2+0.01 ms clock, 0.02+0.1/0.1/0+0.02 ms cpu, 3->3->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P',
  )!;
  assert.equal(parsed.liveBytes, MIB);
});

test('gctrace: a line that starts like a trace but is cut or mixed with output does not parse', () => {
  const cut = 'gc 7 @1.200s 0%: 0.012+0.23+0.002 ms clock, 0.025+0.13/0/0+0.004 ms cpu, 3->3->';
  assert.equal(looksLikeGcTrace(cut), true);
  assert.equal(parseGcTrace(cut), null);
  const mixed =
    'gc 8 @1.400s 0%: 0.012+0.23+0.002 ms clockhello from the program, 0.025+0.13/0/0+0.004 ms cpu, 3->3->1 MB, 4 MB goal, 2 P';
  assert.equal(parseGcTrace(mixed), null);
  assert.equal(looksLikeGcTrace('gc is short for garbage collection'), false);
});

test('gctrace: random and mutated lines parse to finite figures or null, never throw', () => {
  fc.assert(
    fc.property(damaged(captured), (line) => {
      const parsed = parseGcTrace(line);
      assertFiniteFigures(parsed);
      if (parsed !== null) assert.ok(looksLikeGcTrace(line));
    }),
    { numRuns: 2000 },
  );
});
