// Budget: analysing a 24-hour recording at 1 Hz (86,400 samples) takes < 1 s.
// Builds a synthetic recording in memory (sawtooth with a slow leak), runs the same
// buildReport as `rssdoctor report`, and prints the median of 5 timings.
// Run: npm run build && npm run bench:analyze
import { performance } from 'node:perf_hooks';
import { buildReport } from '../dist/index.js';

const SAMPLES = 86_400;
const MIB = 1024 * 1024;
const records = [];
let state = 1;
const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
for (let i = 0; i < SAMPLES; i++) {
  const rssBytes = Math.round(200 * MIB + (i % 600) * 0.1 * MIB + i * 200 + random() * MIB);
  records.push({
    type: 'sample',
    tMs: i * 1000,
    pid: 1,
    rssBytes,
    rssAnonBytes: rssBytes - 20 * MIB,
    rssFileBytes: 20 * MIB,
    rssShmemBytes: 0,
    swapBytes: 0,
    threads: 8,
  });
}
records.push({
  type: 'end',
  tMs: SAMPLES * 1000,
  exitCode: 0,
  signal: null,
  timedOut: true,
  interrupted: false,
  targetExited: false,
});
const recording = {
  header: {
    type: 'header',
    schemaVersion: 1,
    tool: 'rssdoctor',
    toolVersion: 'bench',
    command: ['bench'],
    startedAt: new Date(0).toISOString(),
    intervalMs: 1000,
    host: {},
  },
  records,
  truncated: false,
  dataQuality: [],
};
const timings = [];
let verdict;
for (let run = 0; run < 5; run++) {
  const started = performance.now();
  verdict = buildReport(recording, { recordingPath: null }).verdict;
  timings.push(performance.now() - started);
}
timings.sort((a, b) => a - b);
console.log(
  `analyse 24 h at 1 Hz (${SAMPLES} samples): median ${timings[2].toFixed(0)} ms, min ${timings[0].toFixed(0)} ms, max ${timings[4].toFixed(0)} ms (budget 1000 ms); verdict ${verdict}`,
);
