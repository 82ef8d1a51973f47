// Budget: a 24-hour recording at 1 Hz (86,400 samples) gives an HTML report under 2 MB
// that a browser draws in under 2 s. Writes the recording (bench/day-recording.mjs), runs
// `rssdoctor report --html` on it (median of 3), then opens the page in headless Chromium
// (Debian's, through playwright-core) and times load-to-drawn (median of 3).
// Run: npm run build && npm run bench:html
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { writeDayRecording } from './day-recording.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-bench-html-'));
const recording = writeDayRecording(path.join(dir, 'day.ndjson'));
const html = path.join(dir, 'day.html');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const reportMs = [];
for (let i = 0; i < 3; i++) {
  const started = performance.now();
  // rssdoctor as a user runs it: the command (its launcher line sets Node's flags).
  const result = spawnSync(
    path.join(root, 'bin', 'rssdoctor.js'),
    ['report', recording, '--html', html],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  reportMs.push(performance.now() - started);
}
console.log(
  `recording: ${(statSync(recording).size / 1024 / 1024).toFixed(1)} MiB, 86,400 samples`,
);
console.log(
  `rssdoctor report --html (whole process, read + analyse + render): median ${median(reportMs).toFixed(0)} ms`,
);
console.log(`HTML file: ${(statSync(html).size / 1024).toFixed(0)} KiB (budget 2 MB)`);

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) =>
  existsSync(file),
);
if (chromium === undefined) {
  console.log('browser draw: skipped (no chromium; apt-get install chromium)');
} else {
  const { chromium: launcher } = await import('playwright-core');
  const browser = await launcher.launch({ executablePath: chromium, args: ['--no-sandbox'] });
  const drawMs = [];
  for (let i = 0; i < 3; i++) {
    const page = await browser.newPage();
    const started = performance.now();
    await page.goto(`file://${html}`);
    await page.waitForSelector('body[data-drawn="true"]');
    drawMs.push(performance.now() - started);
    await page.close();
  }
  await browser.close();
  console.log(`Chromium load to drawn: median ${median(drawMs).toFixed(0)} ms (budget 2000 ms)`);
}
