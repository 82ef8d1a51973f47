import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endSequence, type EndSteps } from '../../src/run/end-sequence.js';

function steps(overrides: Partial<EndSteps>): { steps: EndSteps; log: string[] } {
  const log: string[] = [];
  return {
    log,
    steps: {
      finalProbe: async () => void log.push('final probe'),
      snapshot: () => void log.push('snapshot'),
      releaseProbe: async () => void log.push('release probe'),
      stop: async () => void log.push('stop'),
      failed: (step, error) => void log.push(`failed: ${step}: ${(error as Error).message}`),
      ...overrides,
    },
  };
}

test('end-sequence: probe, snapshot, release, then stop, in that order', async () => {
  const { steps: s, log } = steps({});
  await endSequence(s);
  assert.deepEqual(log, ['final probe', 'snapshot', 'release probe', 'stop']);
});

test('end-sequence: a final probe that fails is told, and the target is still stopped', async () => {
  const { steps: s, log } = steps({
    finalProbe: () => Promise.reject(new Error('write EPIPE')),
  });
  await endSequence(s);
  assert.deepEqual(log, ['failed: the final probe: write EPIPE', 'stop']);
});

test('end-sequence: a release probe that throws still stops the target; without one, none runs', async () => {
  const failing = steps({
    releaseProbe: () => Promise.reject(new Error('attach refused')),
  });
  await endSequence(failing.steps);
  assert.deepEqual(failing.log.slice(-2), ['failed: the release probe: attach refused', 'stop']);
  const without = steps({ releaseProbe: null });
  await endSequence(without.steps);
  assert.deepEqual(without.log, ['final probe', 'snapshot', 'stop']);
});
