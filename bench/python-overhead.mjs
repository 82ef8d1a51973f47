// What the Python agent costs its target: the same fixed work (test/fixtures/programs/
// python-work.py, a 200k-object working set and 10k dicts a round) bare, under
// `rssdoctor run --runtime other` (sampling /proc only, no agent) and under `rssdoctor run`
// (the agent too: a heap message every 0.5 s, forced collections paced as in any run),
// in turn, timed by the program's own CPU clock. The agent's own cost is the difference of
// the last two: /proc sampling (smaps_rollup every 10 s) costs the target too.
// Usage: npm run build && node bench/python-overhead.mjs [pairs] [rounds]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bootstrap, median } from './bootstrap.mjs';

const PAIRS = Number(process.argv[2] ?? 7);
const ROUNDS = process.argv[3] ?? '400';
const work = path.resolve('test/fixtures/programs/python-work.py');
const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-python-overhead-'));

function cpuMs(command, env = process.env) {
  const result = spawnSync(command[0], command.slice(1), { encoding: 'utf8', env });
  const match = /cpu_ms ([\d.]+)/.exec(result.stdout);
  if (match === null) throw new Error(`no cpu_ms from ${command.join(' ')}: ${result.stderr}`);
  return Number(match[1]);
}

const underRssdoctor = (i, runtimeArgs, env) =>
  cpuMs(
    [
      process.execPath,
      'bin/rssdoctor.js',
      'run',
      ...runtimeArgs,
      '--interval',
      '0.5',
      '--out',
      path.join(dir, `run-${i}-${runtimeArgs.length}.ndjson`),
      '--',
      'python3',
      work,
      ROUNDS,
    ],
    env,
  );
const bare = [];
const sampled = [];
const agent = [];
const costs = [];
for (let i = 0; i < PAIRS; i++) {
  bare.push(cpuMs(['python3', work, ROUNDS]));
  sampled.push(underRssdoctor(i, ['--runtime', 'other']));
  // The agent also times itself inside the program (RSSDOCTOR_AGENT_COST_FILE): the
  // callbacks, its thread's CPU, forced collections apart. Not the program's noisy clock.
  const costFile = path.join(dir, `cost-${i}.json`);
  agent.push(underRssdoctor(i, [], { ...process.env, RSSDOCTOR_AGENT_COST_FILE: costFile }));
  costs.push(JSON.parse(readFileSync(costFile, 'utf8')));
}
// Per round of three, so a machine that slows down mid-bench slows both sides of a ratio.
const percent = (ratio) => `${((ratio - 1) * 100).toFixed(2)}%`;
const overhead = (label, ratios) => {
  const [low, high] = bootstrap(ratios);
  console.log(
    `  ${label.padEnd(34)} ${percent(median(ratios))} (95% interval ${percent(low)} to ${percent(high)})`,
  );
};
console.log(`python work, ${PAIRS} rounds of ${ROUNDS} (program CPU, median):`);
console.log(`  bare                               ${median(bare).toFixed(0)} ms`);
console.log(`  sampled (--runtime other)          ${median(sampled).toFixed(0)} ms`);
console.log(`  sampled, with the agent            ${median(agent).toFixed(0)} ms`);
overhead(
  'rssdoctor run, whole',
  agent.map((ms, i) => ms / bare[i]),
);
overhead(
  'the agent alone (vs sampled)',
  agent.map((ms, i) => ms / sampled[i]),
);

// The agent's own work as a share of the program's CPU, measured inside it.
const share = (pick) => median(costs.map((c) => pick(c) / c.programCpuMs));
const pct = (x) => `${(x * 100).toFixed(3)}%`;
console.log('the agent, timed inside the program (median share of its CPU):');
console.log(`  gc callbacks                       ${pct(share((c) => c.callbackMs))}`);
console.log(`  its thread, forced collections out ${pct(share((c) => c.threadMs - c.forcedMs))}`);
console.log(`  forced collections (paced)         ${pct(share((c) => c.forcedMs))}`);
console.log(`  all of it                          ${pct(share((c) => c.callbackMs + c.threadMs))}`);
