import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { javaName, parseClassHistogram } from '../../../src/runtimes/jvm/class-histogram.js';

// As JDK 17 prints it (jcmd PID GC.class_histogram), shortened.
const OUTPUT = `
 num     #instances         #bytes  class name (module)
-------------------------------------------------------
   1:          8268         359032  [B (java.base@17.0.15)
   2:          8183         196392  java.lang.String (java.base@17.0.15)
   3:           980          98240  [Ljava.lang.Object; (java.base@17.0.15)
   4:          2000          96000  SessionLeak$Session
   5:            12            480  [[I (java.base@17.0.15)
Total         19443         750144
`;

test('each row is a class with its bytes, arrays named as Java writes them', () => {
  const sites = parseClassHistogram(OUTPUT);
  assert.ok(sites !== null);
  assert.equal(sites.totalBytes, 750_144);
  assert.deepEqual(
    sites.sites.map((site) => [site.className, site.bytes]),
    [
      ['byte[]', 359_032],
      ['java.lang.String', 196_392],
      ['java.lang.Object[]', 98_240],
      ['SessionLeak$Session', 96_000],
      ['int[][]', 480],
    ],
  );
  assert.equal(sites.sites[0]?.function, null);
});

test('java names of descriptors', () => {
  assert.equal(javaName('[Z'), 'boolean[]');
  assert.equal(javaName('[[Ljava.lang.String;'), 'java.lang.String[][]');
  assert.equal(javaName('java.util.HashMap$Node'), 'java.util.HashMap$Node');
});

test('an error message or random text is no histogram, never a crash', () => {
  assert.equal(
    parseClassHistogram('java.lang.IllegalArgumentException: Unknown diagnostic command'),
    null,
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (text) => {
      const sites = parseClassHistogram(text);
      assert.ok(sites === null || sites.sites.every((site) => Number.isFinite(site.bytes)));
    }),
  );
});
