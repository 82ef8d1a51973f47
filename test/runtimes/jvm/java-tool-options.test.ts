import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gcLogOptions, mergeJavaToolOptions } from '../../../src/runtimes/jvm/java-tool-options.js';

test('java-tool-options: JDK 9+ gets -Xlog per pid, JDK 8 gets -Xloggc, each quoted', () => {
  assert.equal(
    gcLogOptions(17, '/tmp/a b:c'),
    `'-Xlog:gc*:file="/tmp/a b:c/gc-%p.log":uptime,level,tags'`,
  );
  assert.equal(
    gcLogOptions(8, '/tmp/a b'),
    "'-Xloggc:/tmp/a b/gc-%p.log' -XX:+PrintGCDetails -XX:+PrintGCTimeStamps",
  );
});

test('java-tool-options: a path with a quote is not injected at all', () => {
  assert.equal(gcLogOptions(17, "/tmp/it's"), null);
  assert.equal(gcLogOptions(8, '/tmp/"x"'), null);
});

test('java-tool-options: the user value is kept in front', () => {
  assert.equal(mergeJavaToolOptions(undefined, '-Xlog:gc'), '-Xlog:gc');
  assert.equal(mergeJavaToolOptions('-Dfoo=1', '-Xlog:gc'), '-Dfoo=1 -Xlog:gc');
});
