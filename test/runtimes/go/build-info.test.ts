import assert from 'node:assert/strict';
import { test } from 'node:test';
import path from 'node:path';
import { readGoBuildInfo } from '../../../src/runtimes/go/build-info.js';
import { buildGoFixtures, goSkip, goVersion } from '../../support/go.js';
import { fixturePath } from '../../support/paths.js';

const skip = goSkip();

test('go-build-info: a Go binary built here has build info with its Go version', { skip }, () => {
  const bin = buildGoFixtures();
  assert.deepEqual(readGoBuildInfo(path.join(bin, 'leak')), { goVersion: goVersion() });
});

test('go-build-info: node, a script and a missing file are not Go', () => {
  assert.equal(readGoBuildInfo(process.execPath), null);
  assert.equal(readGoBuildInfo(fixturePath('os-steady.py')), null);
  assert.equal(readGoBuildInfo('/nonexistent/binary'), null);
});
