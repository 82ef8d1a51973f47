// Runs the compiled tests with Node's built-in runner, one file at a time (GC timing on 2
// shared cores shifts under parallel load), with its coverage report. Prints the spec
// output, the coverage of src/ only (the tests' own rows left out) and its total, and ends
// with one "N passed, N failed" line. Arguments filter the files by path substring.
// Coverage counts the test processes themselves: the programs they start (the CLI,
// fixtures) run without it (test/support/no-child-coverage.mjs says why).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve('.build-test/test');
const lcovPath = path.resolve('.build-test/lcov.info');
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
if (files.length === 0) {
  process.stdout.write(`no test file matches ${only.join(' ')}\n0 passed, 1 failed\n`);
  process.exit(1);
}

const child = spawn(
  process.execPath,
  [
    '--test',
    '--test-concurrency=1',
    '--experimental-test-coverage',
    '--import',
    './test/support/no-child-coverage.mjs',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=lcov',
    `--test-reporter-destination=${lcovPath}`,
    ...files,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);

let passed = 0;
let failed = 0;
let pending = '';
const SRC_ROW = /^ℹ \.build-test\/src\//;
const COVERAGE_ROW = /^ℹ [^ ]+\.(js|mjs|cjs) +\|/;
const onLine = (line) => {
  passed += Number(/^ℹ pass (\d+)$/.exec(line)?.[1] ?? 0);
  failed += Number(/^ℹ fail (\d+)$/.exec(line)?.[1] ?? 0);
  // The tests' own rows and the all-files row (tests included) say nothing about src/.
  if ((COVERAGE_ROW.test(line) && !SRC_ROW.test(line)) || line.startsWith('ℹ all files')) return;
  process.stdout.write(`${line.replace('.build-test/src/', 'src/')}\n`);
};
child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk) => {
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop();
  lines.forEach(onLine);
});

child.on('close', (code) => {
  if (pending !== '') onLine(pending);
  process.stdout.write(`\n${srcTotal()}\n`);
  // A file that crashed before reporting counts as a failure.
  if (code !== 0 && failed === 0) failed = 1;
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 ? 1 : 0;
});

// Line coverage of src/ over every file the tests loaded, from the lcov report.
function srcTotal() {
  let text;
  try {
    text = readFileSync(lcovPath, 'utf8');
  } catch {
    return 'coverage of src/: no report was written';
  }
  let found = 0;
  let hit = 0;
  let sources = 0;
  for (const record of text.split('end_of_record')) {
    if (!/^SF:\.build-test\/src\//m.test(record)) continue;
    sources++;
    found += Number(/^LF:(\d+)$/m.exec(record)?.[1] ?? 0);
    hit += Number(/^LH:(\d+)$/m.exec(record)?.[1] ?? 0);
  }
  const percent = found === 0 ? 0 : (100 * hit) / found;
  return `coverage of src/: ${percent.toFixed(1)}% of lines (${hit}/${found}) in the ${sources} files the tests load`;
}
