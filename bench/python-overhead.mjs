// What the Python agent costs its target: the same fixed work (test/fixtures/programs/
// python-work.py, a 200k-object working set and 10k dicts a round) bare and under
// `rssdoctor run` (agent loaded, a heap message every 0.5 s, forced collections paced as
// in any run), alternated, timed by the program's own CPU clock. Prints the medians and
// the overhead.
// Usage: npm run build && node bench/python-overhead.mjs [pairs] [rounds]
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bootstrap, median } from './bootstrap.mjs';

const PAIRS = Number(process.argv[2] ?? 7);
const ROUNDS = process.argv[3] ?? '400';
const work = path.resolve('test/fixtures/programs/python-work.py');
const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-python-overhead-'));

function cpuMs(command) {
  const result = spawnSync(command[0], command.slice(1), { encoding: 'utf8' });
  const match = /cpu_ms ([\d.]+)/.exec(result.stdout);
  if (match === null) throw new Error(`no cpu_ms from ${command.join(' ')}: ${result.stderr}`);
  return Number(match[1]);
}

const bare = [];
const agent = [];
for (let i = 0; i < PAIRS; i++) {
  bare.push(cpuMs(['python3', work, ROUNDS]));
  agent.push(
    cpuMs([
      process.execPath,
      'bin/rssdoctor.js',
      'run',
      '--interval',
      '0.5',
      '--out',
      path.join(dir, `run-${i}.ndjson`),
      '--',
      'python3',
      work,
      ROUNDS,
    ]),
  );
}
// Per pair, so a machine that slows down mid-bench slows both sides of a ratio.
const ratios = agent.map((ms, i) => ms / bare[i]);
const [low, high] = bootstrap(ratios);
const percent = (ratio) => `${((ratio - 1) * 100).toFixed(2)}%`;
console.log(`python work, ${PAIRS} pairs of ${ROUNDS} rounds (program CPU, median):`);
console.log(`  bare            ${median(bare).toFixed(0)} ms`);
console.log(`  with the agent  ${median(agent).toFixed(0)} ms`);
console.log(
  `  overhead        ${percent(median(ratios))} (95% interval ${percent(low)} to ${percent(high)})`,
);
