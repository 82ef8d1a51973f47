import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { halveOlder } from '../../src/analysis/halve-older.js';

test('halveOlder: under max nothing changes', () => {
  const list = [1, 2, 3];
  halveOlder(list, 3);
  assert.deepEqual(list, [1, 2, 3]);
});

test('halveOlder: the older half keeps every other point, the newer half every point', () => {
  const list = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  halveOlder(list, 8);
  assert.deepEqual(list, [0, 2, 4, 5, 6, 7, 8]);
});

test('halveOlder: fed point by point, a list stays at most max, in order, first and newest kept', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 50 }),
      fc.integer({ min: 0, max: 2000 }),
      (max, count) => {
        const list: number[] = [];
        for (let i = 0; i < count; i++) {
          list.push(i);
          halveOlder(list, max);
          assert.ok(list.length <= max, `${list.length} > ${max}`);
        }
        if (count === 0) return;
        assert.equal(list[0], 0);
        assert.equal(list[list.length - 1], count - 1);
        for (let i = 1; i < list.length; i++) assert.ok(list[i]! > list[i - 1]!);
      },
    ),
  );
});
