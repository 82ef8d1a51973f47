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
  'format',
  'target',
  'sources',
  'recording',
  'analysis',
  'verdict',
  'advice',
  'report',
  'compare',
  'render',
  // The alert rules read the metric names they alert on.
  'metrics',
  'rules',
  'run',
  'attach',
  'in-process',
  'demo',
  'tune',
  'cli',
];

const IMPORT = /^import\s+(type\s+)?[^'"]*from\s+'\.\.\/([a-z-]+)\/([^']+)'/gm;

// Every TypeScript file of every stage, with its text.
function* stageFiles(): Generator<{ stage: string; file: string; text: string }> {
  for (const stage of STAGES) {
    const dir = path.join(repoRoot, 'src', stage);
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      yield { stage, file, text: readFileSync(path.join(dir, file), 'utf8') };
    }
  }
}

test('architecture: every import points upstream', () => {
  const violations: string[] = [];
  for (const { stage, file, text } of stageFiles()) {
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
  assert.deepEqual(violations, []);
});

// A runtime is a module (src/runtimes/<name>/, listed in src/runtimes/registry.ts): the
// stages reach one only through the registry and the interface, and never name one.
const RUNTIME_NAMED = /[!=]== '(node|go|jvm|python)'|'(node|go|jvm|python)' [!=]==/;
// The Go and JVM facts records are record types named after their runtime: grouping the
// records by process reads the runtime off them. The list may only shrink.
const NAMES_A_RUNTIME_STILL = ['report/group-by-process.ts'];
// Where a runtime's own name is the point: the demo and tune scenarios, --runtime.
const RUNTIME_NAMING_STAGES = new Set(['demo', 'tune', 'cli']);
// What the stages may import from src/runtimes/: the list and the interface's parts.
const RUNTIME_INTERFACE = new Set([
  'registry.js',
  'runtime-module.js',
  'runtime-session.js',
  'runtime-evidence.js',
  'runtime-forecast.js',
]);
// Stages that are about one runtime: the demo builds the Go receiver; the in-process
// library (rssdoctor/runtime) is Node's, built on the Node agent's parts.
const ONE_RUNTIME_STAGES = new Map([
  ['demo', 'go/'],
  ['in-process', 'node/'],
]);

test('architecture: the stages reach a runtime module only through the registry or the interface', () => {
  const violations: string[] = [];
  for (const { stage, file, text } of stageFiles()) {
    for (const match of text.matchAll(/from '\.\.\/runtimes\/([^']+)'/g)) {
      const own = ONE_RUNTIME_STAGES.get(stage);
      const allowed =
        RUNTIME_INTERFACE.has(match[1]!) || (own !== undefined && match[1]!.startsWith(own));
      if (!allowed) {
        violations.push(`src/${stage}/${file} imports ../runtimes/${match[1]}`);
      }
    }
    const named = `${stage}/${file}`;
    if (RUNTIME_NAMING_STAGES.has(stage) || NAMES_A_RUNTIME_STILL.includes(named)) continue;
    if (RUNTIME_NAMED.test(text)) violations.push(`src/${named} names a runtime`);
  }
  assert.deepEqual(violations, []);
});

test('architecture: every runtime folder is registered, and the registry lists only folders', () => {
  const dir = path.join(repoRoot, 'src', 'runtimes');
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const registry = readFileSync(path.join(dir, 'registry.ts'), 'utf8');
  const registered = [...registry.matchAll(/from '\.\/([a-z]+)\/index\.js'/g)]
    .map((match) => match[1])
    .sort();
  // 'os' is the fallback: a process no module claims.
  assert.deepEqual(
    folders.filter((name) => name !== 'os'),
    registered,
  );
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
