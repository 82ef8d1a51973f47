// The JVM's log sizes, and the resolution its live figures are credited with.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { growth } from '../../../src/analysis/growth.js';
import { lastStep } from '../../../src/analysis/last-step.js';
import { MIN_LIVE_POINTS } from '../../../src/analysis/evidence.js';
import { JVM_LOG_RESOLUTION_BYTES, jvmSizeBytes } from '../../../src/runtimes/jvm/size.js';
import { runtimeModule } from '../../../src/runtimes/registry.js';

const MIB = 1024 * 1024;

test('jvm size: binary units, K to G, and a bare number in bytes', () => {
  assert.equal(jvmSizeBytes('24M'), 24 * MIB);
  assert.equal(jvmSizeBytes('3072K'), 3 * MIB);
  assert.equal(jvmSizeBytes('1.5G'), 1.5 * 1024 * MIB);
  assert.equal(jvmSizeBytes('512B'), 512);
  assert.equal(jvmSizeBytes('512'), 512);
  assert.ok(Number.isNaN(jvmSizeBytes('24MB')));
});

test('jvm size: a leak whose last two live points print the same MiB has not slowed', () => {
  assert.equal(runtimeModule('jvm')?.liveResolutionBytes, JVM_LOG_RESOLUTION_BYTES);
  // 1 MiB/s in whole MiB, sparse (6 points): the final GC.run and attribution's histogram
  // GC 0.3 s apart, both 13M.
  const points = [
    [1100, 2],
    [3500, 4],
    [6000, 7],
    [9000, 10],
    [12_500, 13],
    [12_800, 13],
  ] as const;
  const series = { tMs: points.map(([t]) => t), values: points.map(([, m]) => m * MIB) };
  const found = growth(series, MIN_LIVE_POINTS);
  assert.ok(found.state === 'ok' && found.rising, JSON.stringify(found));
  const slope = found.trend.slopeBytesPerSecond;
  assert.equal(lastStep(series, slope, JVM_LOG_RESOLUTION_BYTES)?.slowed, false);
  // Taken as exact, the same step is slowed: the mistake the resolution prevents.
  assert.equal(lastStep(series, slope, 0)?.slowed, true);
});
