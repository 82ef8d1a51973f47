import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchProcesses } from '../../src/compare/match-processes.js';

const p = (pid: number, name: string, runtime = 'node') => ({ pid, name, runtime });

test('match processes: root with root whatever its name, then the k-th of a name with the k-th', () => {
  const pairs = matchProcesses(
    [p(10, 'npm'), p(11, 'node'), p(12, 'node'), p(13, 'sh', 'other')],
    [p(20, 'npm-cli'), p(21, 'node'), p(22, 'node'), p(23, 'java', 'jvm')],
  );
  assert.deepEqual(
    pairs.map(([a, b]) => [a?.pid ?? null, b?.pid ?? null]),
    [
      [10, 20],
      [11, 21],
      [12, 22],
      [13, null],
      [null, 23],
    ],
  );
});

test('match processes: nothing on either side gives no pairs', () => {
  assert.deepEqual(matchProcesses([], []), []);
});
