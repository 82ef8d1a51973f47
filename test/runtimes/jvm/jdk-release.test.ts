import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { jdkRelease } from '../../../src/runtimes/jvm/jdk-release.js';
import { resolveCommand } from '../../../src/target/resolve-command.js';
import { javaSkip } from '../../support/java.js';

function fakeJdk(version: string | null, jre = false): string {
  const home = mkdtempSync(path.join(tmpdir(), 'rssdoctor-jdk-'));
  const bin = path.join(home, ...(jre ? ['jre', 'bin'] : ['bin']));
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, 'java'), '#!/bin/sh\n', { mode: 0o755 });
  if (version !== null) writeFileSync(path.join(home, 'release'), `JAVA_VERSION="${version}"\n`);
  const link = path.join(home, 'java-link');
  symlinkSync(path.join(bin, 'java'), link);
  return link;
}

test('jdk-release: the version comes from the release file, through symlinks', () => {
  assert.equal(jdkRelease(fakeJdk('17.0.15'))?.major, 17);
  assert.equal(jdkRelease(fakeJdk('1.8.0_392', true))?.major, 8);
  assert.equal(jdkRelease(fakeJdk('21'))?.major, 21);
  assert.equal(jdkRelease(fakeJdk(null)), null);
});

test('jdk-release: the java installed here is read', { skip: javaSkip() }, () => {
  const found = jdkRelease(resolveCommand('java')!);
  assert.ok(found !== null && found.major >= 9, JSON.stringify(found));
});
