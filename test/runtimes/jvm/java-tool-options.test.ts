import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gcLogOptions, mergeJavaToolOptions } from '../../../src/runtimes/jvm/java-tool-options.js';

test('java-tool-options: JDK 9+ gets -Xlog per pid, JDK 8 gets -Xloggc', () => {
  assert.equal(gcLogOptions(17, '/tmp/d'), '-Xlog:gc*:file=/tmp/d/gc-%p.log:uptime,level,tags');
  assert.equal(
    gcLogOptions(8, '/tmp/d'),
    '-Xloggc:/tmp/d/gc-%p.log -XX:+PrintGCDetails -XX:+PrintGCTimeStamps',
  );
});

test('java-tool-options: the user value is kept in front', () => {
  assert.equal(mergeJavaToolOptions(undefined, '-Xlog:gc'), '-Xlog:gc');
  assert.equal(mergeJavaToolOptions('-Dfoo=1', '-Xlog:gc'), '-Dfoo=1 -Xlog:gc');
});
