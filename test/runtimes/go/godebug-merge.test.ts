import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeGodebug } from '../../../src/runtimes/go/godebug-merge.js';

test('godebug-merge: the user setting is kept and the traces are added', () => {
  assert.equal(mergeGodebug(undefined), 'gctrace=1,scavtrace=1');
  assert.equal(mergeGodebug(''), 'gctrace=1,scavtrace=1');
  assert.equal(mergeGodebug('madvdontneed=0'), 'madvdontneed=0,gctrace=1,scavtrace=1');
});

test('godebug-merge: a trace the user turned off is turned on; one raised is kept', () => {
  assert.equal(mergeGodebug('gctrace=0,http2debug=1'), 'http2debug=1,gctrace=1,scavtrace=1');
  assert.equal(mergeGodebug('gctrace=2'), 'gctrace=2,scavtrace=1');
});
