// Pins the public surface: the package's exports map and the library's named exports.
// A change here is an API change and must be deliberate.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './support/paths.js';

test('exports: the package exports map', () => {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    exports: object;
    type: string;
  };
  assert.equal(pkg.type, 'module');
  assert.deepEqual(pkg.exports, {
    '.': { types: './dist/index.d.ts', default: './dist/index.js' },
    './runtime': { types: './dist/in-process/index.d.ts', default: './dist/in-process/index.js' },
    './report-v1.schema.json': './schema/report-v1.schema.json',
    './comparison-v1.schema.json': './schema/comparison-v1.schema.json',
    './package.json': './package.json',
  });
});

test('exports: the library entry, loaded by package name', async () => {
  const library = (await import('rssdoctor')) as Record<string, unknown>;
  assert.deepEqual(Object.keys(library).sort(), [
    'DEFAULT_INTERVAL_MS',
    'RECORDING_SCHEMA_VERSION',
    'REPORT_SCHEMA_VERSION',
    'RssdoctorError',
    'STOP_GRACE_MS',
    'VERDICTS',
    'analyze',
    'buildReport',
    'isRssdoctorError',
    'parseRecording',
    'readRecording',
    'renderHtml',
    'renderJson',
    'renderTerminal',
    'startAttach',
    'startRun',
  ]);
});

test('exports: rssdoctor/runtime, loaded by package name', async () => {
  const runtime = (await import('rssdoctor/runtime')) as Record<string, unknown>;
  assert.deepEqual(Object.keys(runtime).sort(), ['freeOSMemory', 'gc', 'readMemStats', 'watch']);
});

test('exports: the library never prints or exits (no console or process.exit in src outside cli)', () => {
  const files = listSources(path.join(repoRoot, 'src')).filter(
    (file) => !file.includes(`${path.sep}cli${path.sep}`),
  );
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /process\.exit\(|console\.|process\.stdout|process\.stderr/, file);
  }
});

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(full));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}
