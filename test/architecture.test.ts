// The pipeline rule (DESIGN, "Data flow"): each stage imports only the stages before it.
// The one exception is the record schema (recording/records.ts), a contract every stage
// may import as types: sources produce those records before the recording stores them.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './support/paths.js';

// Upstream first. Root files (errors.ts, version.ts) may be imported by anyone.
const STAGES = [
  'target',
  'sources',
  'recording',
  'analysis',
  'verdict',
  'advice',
  'report',
  'rules',
  'metrics',
  'run',
  'runtime',
  'demo',
  'tune',
  'cli',
];

const IMPORT = /^import\s+(type\s+)?[^'"]*from\s+'\.\.\/([a-z-]+)\/([^']+)'/gm;

test('architecture: every import points upstream', () => {
  const violations: string[] = [];
  for (const stage of STAGES) {
    const dir = path.join(repoRoot, 'src', stage);
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      for (const match of text.matchAll(IMPORT)) {
        const [, typeOnly, target, module] = match;
        const schemaType =
          typeOnly !== undefined && target === 'recording' && module === 'records.js';
        if (schemaType) continue;
        if (STAGES.indexOf(target!) > STAGES.indexOf(stage)) {
          violations.push(`src/${stage}/${file} imports ../${target}/${module}`);
        }
      }
    }
  }
  assert.deepEqual(violations, []);
});

test('architecture: the check sees imports (it can fail)', () => {
  const sample = "import { x } from '../cli/main.js';";
  assert.equal([...sample.matchAll(IMPORT)].length, 1);
});

test('architecture: the demo never imports the analysis or the verdict, so it cannot be tuned to pass', () => {
  const dir = path.join(repoRoot, 'src', 'demo');
  for (const file of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    assert.doesNotMatch(text, /from '\.\.\/(analysis|verdict)\//, file);
  }
});
