import assert from 'node:assert/strict';
import fc from 'fast-check';
import { test } from 'node:test';
import { damaged } from '../../support/fuzz.js';
import { javaOptionBytes, parseJavaCaps } from '../../../src/runtimes/jvm/java-caps.js';

test('java caps: the last of each option wins, in the JVM size syntax', () => {
  assert.deepEqual(
    parseJavaCaps(
      '-Xmx1g java -Xms64m -Xmx512m -XX:MaxDirectMemorySize=64M -XX:MaxMetaspaceSize=128m -jar app.jar',
    ),
    {
      maxHeapBytes: 512 * 1024 ** 2,
      maxDirectBytes: 64 * 1024 ** 2,
      maxMetaspaceBytes: 128 * 1024 ** 2,
    },
  );
  assert.deepEqual(parseJavaCaps('java -jar app.jar'), {
    maxHeapBytes: null,
    maxDirectBytes: null,
    maxMetaspaceBytes: null,
  });
});

test('java caps: sizes with k, m, g, t or none; anything else is not a size', () => {
  assert.equal(javaOptionBytes('1048576'), 1048576);
  assert.equal(javaOptionBytes('2G'), 2 * 1024 ** 3);
  assert.equal(javaOptionBytes('512k'), 512 * 1024);
  assert.equal(javaOptionBytes('1.5g'), null);
  assert.equal(javaOptionBytes('lots'), null);
});

test('java caps: any options text gives positive sizes or nulls, never throws', () => {
  fc.assert(
    fc.property(
      damaged(['java -Xmx512m -XX:MaxDirectMemorySize=64M -XX:MaxMetaspaceSize=128m -jar a.jar']),
      (text) => {
        for (const bytes of Object.values(parseJavaCaps(text))) {
          assert.ok(bytes === null || (Number.isSafeInteger(bytes) && bytes > 0), String(bytes));
        }
      },
    ),
    { numRuns: 1000 },
  );
});
