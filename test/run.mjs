// Runs every compiled test file one at a time (GC timing on 2 shared cores shifts under
// parallel load), prints each file's duration, and ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve('.build-test/test');
const only = process.argv.slice(2);

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...findTests(full));
    else if (name.endsWith('.test.js')) out.push(full);
  }
  return out;
}

const files = findTests(root).filter(
  (file) => only.length === 0 || only.some((part) => file.includes(part)),
);
let passed = 0;
let failed = 0;
const timings = [];
for (const file of files) {
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    ['--test', '--test-reporter=spec', '--test-concurrency=1', file],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const output = `${result.stdout}${result.stderr}`;
  process.stdout.write(output);
  const pass = Number(/ℹ pass (\d+)/.exec(output)?.[1] ?? 0);
  const fail = Number(/ℹ fail (\d+)/.exec(output)?.[1] ?? 0);
  const broken = result.status !== 0 && fail === 0 ? 1 : 0;
  passed += pass;
  failed += fail + broken;
  const name = path.relative(root, file).replace(/\.js$/, '.ts');
  timings.push(`${name}: ${seconds} s${fail + broken > 0 ? ' (FAILED)' : ''}`);
  process.stdout.write(`── ${name}: ${seconds} s\n`);
}
process.stdout.write(`\nfile durations:\n  ${timings.join('\n  ')}\n\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 || files.length === 0 ? 1 : 0;
