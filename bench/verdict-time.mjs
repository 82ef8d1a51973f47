// How soon is a leak called, and how often is a non-leak called one? For each runtime
// (node, go, jvm, and os: a Python program watched with --runtime other), a leak-rate
// fixture keeps 64 KiB/s … 8 MiB/s on a ~50 MiB working set amid garbage, and the
// provisional verdicts a run showed are replayed from its recording with the live view's
// own code (dist/report/provisional-timeline.js): the time to the first provisional `leak`
// shown. Then each non-leaking fixture (steady, warm-up ramp, bounded cache, burst) runs
// --runs times: how many final `leak` (must be 0), how many `inconclusive`, and how many
// runs ever showed a provisional `leak`. Prints two Markdown tables; asserts nothing.
//
// Usage: npm run build && node bench/verdict-time.mjs [--runs 20] [--jobs 3]
//          [--runtimes node,go,jvm,os] [--rates 64,256,1024,8192] [--leak-seconds 90]
//          [--steady-seconds 40]

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readRecording } from '../dist/recording/reader.js';
import { buildReport } from '../dist/report/build.js';
import { provisionalTimeline } from '../dist/report/provisional-timeline.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const programs = path.join(root, 'test', 'fixtures', 'programs');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    jobs: { type: 'string', default: '3' },
    runtimes: { type: 'string', default: 'node,go,jvm,os' },
    rates: { type: 'string', default: '64,128,256,512,1024,2048,4096,8192' },
    'leak-seconds': { type: 'string', default: '90' },
    'steady-seconds': { type: 'string', default: '40' },
    // Comma-separated shape names to run (default all); --rates '' skips the leak table.
    shapes: { type: 'string', default: '' },
    'cache-mib-per-s': { type: 'string', default: '1024' },
    'cache-cap-mib': { type: 'string', default: '24' },
  },
});
const RUNS = Number(args.runs);
const JOBS = Number(args.jobs);
const RATES = args.rates === '' ? [] : args.rates.split(',').map(Number);
const WORKING_MIB = '50';
const GARBAGE_KIB = '4096';
const work = mkdtempSync(path.join(tmpdir(), 'rssdoctor-verdict-time-'));

function build() {
  const goBin = path.join(work, 'go');
  const go = spawnSync('go', ['build', '-o', goBin + path.sep, './...'], {
    cwd: path.join(root, 'test', 'fixtures', 'go'),
  });
  const javaDir = path.join(root, 'test', 'fixtures', 'java');
  const javaBin = path.join(work, 'java');
  const sources = readdirSync(javaDir).map((name) => path.join(javaDir, name));
  const java = spawnSync('javac', ['-d', javaBin, ...sources]);
  return { goBin: go.status === 0 ? goBin : null, javaBin: java.status === 0 ? javaBin : null };
}

const { goBin, javaBin } = build();

// The leak-rate fixture of each runtime, and its burst fixture.
const RUNTIMES = {
  node: {
    leakRate: (...a) => [process.execPath, path.join(programs, 'leak-rate.mjs'), ...a],
    burst: () => [process.execPath, path.join(programs, 'retain-then-plateau.mjs')],
    runArgs: [],
  },
  go: goBin && {
    leakRate: (...a) => [path.join(goBin, 'leak-rate'), ...a],
    burst: () => [path.join(goBin, 'burst-then-idle')],
    runArgs: ['--quiet-trace'],
  },
  jvm: javaBin && {
    leakRate: (...a) => ['java', '-cp', javaBin, 'LeakRate', ...a],
    burst: () => ['java', '-cp', javaBin, 'BurstReleased'],
    runArgs: [],
  },
  os: {
    leakRate: (...a) => ['python3', path.join(programs, 'leak-rate.py'), ...a],
    burst: () => ['python3', path.join(programs, 'os-rise-then-plateau.py'), '100', '3', '600'],
    runArgs: ['--runtime', 'other'],
  },
};

// Non-leaking shapes, from the same fixture: kept 0 is steady; 8 MiB/s capped at 40 MiB
// fills in 5 s and holds (a warm-up ramp); 1 MiB/s capped at 24 MiB fills in 24 s and then
// evicts one entry per new one (a bounded cache).
const SHAPES = {
  steady: (rt) => rt.leakRate('0', GARBAGE_KIB, WORKING_MIB),
  'warm-up ramp': (rt) => rt.leakRate('8192', GARBAGE_KIB, WORKING_MIB, '40'),
  'bounded cache': (rt) =>
    rt.leakRate(args['cache-mib-per-s'], GARBAGE_KIB, WORKING_MIB, args['cache-cap-mib']),
  burst: (rt) => rt.burst(),
};

let counter = 0;
function runOnce(command, runArgs, seconds) {
  const out = path.join(work, `run-${counter++}.ndjson`);
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'bin', 'rssdoctor.js'),
        'run',
        '--duration',
        String(seconds),
        '--out',
        out,
        ...runArgs,
        '--',
        ...command,
      ],
      { stdio: ['ignore', 'ignore', 'ignore'] },
    );
    child.on('exit', () => {
      try {
        const recording = readRecording(out);
        const report = buildReport(recording, { recordingPath: null });
        resolve({ report, timeline: provisionalTimeline(recording) });
      } catch (error) {
        resolve({ error: String(error) });
      } finally {
        rmSync(out, { force: true });
      }
    });
  });
}

async function pool(tasks) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: JOBS }, worker));
  return results;
}

const firstShown = (timeline, verdict) =>
  timeline.find((point) => point.shown === verdict)?.atMs ?? null;
const seconds = (ms) => (ms === null ? '—' : `${(ms / 1000).toFixed(0)} s`);

const wanted = args.runtimes.split(',').filter((name) => RUNTIMES[name]);
const leakTasks = [];
for (const name of wanted) {
  for (const rate of RATES) {
    leakTasks.push(async () => {
      const rt = RUNTIMES[name];
      const result = await runOnce(
        rt.leakRate(String(rate), GARBAGE_KIB, WORKING_MIB),
        rt.runArgs,
        Number(args['leak-seconds']),
      );
      return { name, rate, ...result };
    });
  }
}
const leakResults = await pool(leakTasks);

console.log(
  `\nTime to the first provisional \`leak\` shown (--interval 1, ${WORKING_MIB} MiB working set, ${GARBAGE_KIB} KiB/s of garbage, at most ${args['leak-seconds']} s):\n`,
);
console.log(`| leak rate | ${wanted.join(' | ')} |`);
console.log(`|---|${wanted.map(() => '---').join('|')}|`);
for (const rate of RATES) {
  const cells = wanted.map((name) => {
    const r = leakResults.find((x) => x.name === name && x.rate === rate);
    if (r.error) return `error: ${r.error.slice(0, 40)}`;
    const at = firstShown(r.timeline, 'leak');
    return at === null ? `— (final: ${r.report.verdict})` : seconds(at);
  });
  console.log(
    `| ${rate >= 1024 ? `${rate / 1024} MiB/s` : `${rate} KiB/s`} | ${cells.join(' | ')} |`,
  );
}

const steadyTasks = [];
for (const name of wanted) {
  for (const [shape, command] of Object.entries(SHAPES)) {
    if (args.shapes !== '' && !args.shapes.split(',').includes(shape)) continue;
    for (let run = 0; run < RUNS; run++) {
      steadyTasks.push(async () => {
        const rt = RUNTIMES[name];
        const result = await runOnce(command(rt), rt.runArgs, Number(args['steady-seconds']));
        return { name, shape, ...result };
      });
    }
  }
}
const steadyResults = await pool(steadyTasks);
console.log(
  `\nNon-leaking fixtures, ${RUNS} runs of ${args['steady-seconds']} s each: final leak / inconclusive / runs that ever showed a provisional leak:\n`,
);
console.log(`| fixture | ${wanted.join(' | ')} |`);
console.log(`|---|${wanted.map(() => '---').join('|')}|`);
for (const shape of Object.keys(SHAPES)) {
  if (args.shapes !== '' && !args.shapes.split(',').includes(shape)) continue;
  const cells = wanted.map((name) => {
    const mine = steadyResults.filter((x) => x.name === name && x.shape === shape);
    const errors = mine.filter((x) => x.error).length;
    const ok = mine.filter((x) => !x.error);
    const leaks = ok.filter((x) => x.report.verdict === 'leak').length;
    const inconclusive = ok.filter((x) => x.report.verdict === 'inconclusive').length;
    const shownLeak = ok.filter((x) => firstShown(x.timeline, 'leak') !== null).length;
    return `${leaks} / ${inconclusive} / ${shownLeak}${errors > 0 ? ` (${errors} errors)` : ''}`;
  });
  console.log(`| ${shape} | ${cells.join(' | ')} |`);
}
rmSync(work, { recursive: true, force: true });
