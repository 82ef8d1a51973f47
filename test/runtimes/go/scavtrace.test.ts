// The scavtrace parser: lines captured here from Go 1.19.8, and one sample of each other
// version's shape written from its printScavTrace (runtime/mgcscavenge.go).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { test } from 'node:test';
import { assertFiniteFigures, damaged } from '../../support/fuzz.js';
import { looksLikeScavTrace, parseScavTrace } from '../../../src/runtimes/go/scavtrace.js';
import { repoRoot } from '../../support/paths.js';

const KIB = 1024;
const captured = readFileSync(
  path.join(repoRoot, 'test', 'fixtures', 'go-traces', 'go1.19.8.txt'),
  'utf8',
)
  .split('\n')
  .filter(looksLikeScavTrace);

test('scavtrace: every captured Go 1.19 scav line parses, and the forced one says so', () => {
  const lines = captured;
  assert.ok(lines.length >= 5);
  const parsed = lines.map(parseScavTrace);
  assert.ok(parsed.every((line) => line !== null));
  const forced = parsed.filter((line) => line!.forced);
  assert.equal(forced.length, 1);
  // debug.FreeOSMemory returned most of the 64 MiB the fixture dropped.
  assert.ok(forced[0]!.releasedBytes >= 32 * 1024 * KIB);
});

test('scavtrace: Go 1.19 with the controller-reset suffix', () => {
  assert.deepEqual(
    parseScavTrace('scav 1024 KiB work, 3904 KiB total, 15% util [controller reset]'),
    {
      releasedBytes: 1024 * KIB,
      totalReleasedBytes: 3904 * KIB,
      utilPercent: 15,
      forced: false,
    },
  );
});

test('scavtrace: Go 1.14–1.18 lines lead with the scavenger generation', () => {
  assert.deepEqual(parseScavTrace('scav 3 2048 KiB work, 8192 KiB total, 87% util'), {
    releasedBytes: 2048 * KIB,
    totalReleasedBytes: 8192 * KIB,
    utilPercent: 87,
    forced: false,
  });
  assert.equal(
    parseScavTrace('scav 4 65536 KiB work, 73728 KiB total, 12% util (forced)')!.forced,
    true,
  );
});

test('scavtrace: Go 1.20 (total) and 1.21+ (now) sum background and eager work', () => {
  const go120 = parseScavTrace(
    'scav 128 KiB work (bg), 256 KiB work (eager), 3904 KiB total, 94% util',
  )!;
  assert.equal(go120.releasedBytes, 384 * KIB);
  assert.equal(go120.totalReleasedBytes, 3904 * KIB);
  const go122 = parseScavTrace(
    'scav 0 KiB work (bg), 65536 KiB work (eager), 69632 KiB now, 5% util (forced)',
  )!;
  assert.equal(go122.releasedBytes, 65536 * KIB);
  assert.equal(go122.forced, true);
});

test('scavtrace: a cut line does not parse', () => {
  assert.equal(parseScavTrace('scav 128 KiB work (bg), 256 KiB wo'), null);
  assert.equal(parseScavTrace('scav 12 KiB work, 3904 KiB total'), null);
});

test('scavtrace: random and mutated lines parse to finite figures or null, never throw', () => {
  fc.assert(
    fc.property(damaged(captured), (line) => assertFiniteFigures(parseScavTrace(line))),
    { numRuns: 2000 },
  );
});
