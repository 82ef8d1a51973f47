// Java for the tests: the fixtures in test/fixtures/java compiled once per test file.
// Without javac the JVM tests skip, except with CI=true, where they fail.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.js';

const JAVA_FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'java');

export function javaSkip(): false | string {
  if (spawnSync('javac', ['-version']).status === 0) return false;
  assert.ok(process.env.CI !== 'true', 'CI=true but `javac` is not on PATH: install a JDK');
  return 'javac is not on PATH (a JDK is needed)';
}

export function buildJavaFixtures(): string {
  const out = mkdtempSync(path.join(tmpdir(), 'rssdoctor-javafx-'));
  const sources = readdirSync(JAVA_FIXTURES)
    .filter((name) => name.endsWith('.java'))
    .map((name) => path.join(JAVA_FIXTURES, name));
  const result = spawnSync('javac', ['-d', out, ...sources], { encoding: 'utf8' });
  assert.equal(result.status, 0, `javac failed: ${result.stderr}`);
  return out;
}
