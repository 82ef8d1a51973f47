import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration } from '../../src/format/figures.js';

test('formatDuration: seconds, minutes, hours, days, two units at most', () => {
  assert.equal(formatDuration(44.6), '45 s');
  assert.equal(formatDuration(750), '12 min 30 s');
  assert.equal(formatDuration(3600), '1 h');
  assert.equal(formatDuration(3 * 3600 + 12 * 60 + 5), '3 h 12 min');
  assert.equal(formatDuration(4 * 86_400 + 6 * 3600), '4 d 6 h');
  assert.equal(formatDuration(Number.POSITIVE_INFINITY), 'n/a');
});
