// Records split by process: what the report reads of each group besides its record lists.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BodyRecord, NoteCode } from '../../src/recording/records.js';
import { groupByProcess } from '../../src/report/group-by-process.js';

const note = (pid: number, code: NoteCode, text: string): BodyRecord => ({
  type: 'note',
  tMs: 10,
  code,
  text,
  pid,
  ...(code === 'agent.hello' ? { runtime: 'node' as const } : {}),
});

test('group by process: the first note of missing allocator figures is its group’s, no other’s', () => {
  const groups = groupByProcess([
    note(7, 'agent.hello', 'node agent connected in pid 7'),
    note(7, 'source.mallocUnavailable', 'pid 7: koffi is not installed'),
    note(8, 'agent.hello', 'node agent connected in pid 8'),
    note(7, 'source.mallocUnavailable', 'pid 7: libc.so.6 not found'),
  ]);
  assert.equal(groups.get(7)?.mallocWhy, 'pid 7: koffi is not installed');
  assert.equal(groups.get(8)?.mallocWhy, null);
});
