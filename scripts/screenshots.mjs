// Regenerates the screenshots in docs/images/ from real runs on this machine: the Node
// demo, a Node leak and the Go no-gc-yet story (needs go, chromium and a built dist/).
// A run whose verdict is not the expected one with confidence ≥ 0.8 is refused, so the
// docs never show an inconclusive run. Usage: node scripts/screenshots.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = path.join(root, 'bin', 'rssdoctor.js');
const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-shots-'));
const MIN_CONFIDENCE = 0.8;

const RUNS = [
  {
    image: 'html-demo.png',
    expect: ['steady', 'retention'],
    args: ['demo', '--runtime', 'node'],
  },
  {
    image: 'html-leak.png',
    expect: ['leak'],
    args: [
      'run',
      '--duration',
      '30',
      '--',
      process.execPath,
      'test/fixtures/programs/leak-linear.mjs',
      '1024',
      '60',
    ],
  },
  {
    image: 'html-go-no-gc-yet.png',
    expect: ['no-gc-yet'],
    args: ['demo', '--runtime', 'go'],
  },
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  for (const run of RUNS) {
    const name = path.basename(run.image, '.png');
    const html = path.join(dir, `${name}.html`);
    const json = path.join(dir, `${name}.json`);
    const [command, ...rest] = run.args;
    const args = [
      command,
      '--no-live',
      '--out',
      path.join(dir, `${name}.ndjson`),
      '--html',
      html,
      '--json',
      json,
      ...rest,
    ];
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${name}: exit ${result.status}\n${result.stderr}`);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    const line = `${name}: ${report.verdict} (confidence ${report.confidence.toFixed(2)})`;
    if (!run.expect.includes(report.verdict) || report.confidence < MIN_CONFIDENCE) {
      throw new Error(
        `${line}: not the confident ${run.expect.join(' or ')} the docs show; run again`,
      );
    }
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`file://${html}`);
    await page.waitForSelector('body[data-drawn="true"]');
    await page.screenshot({ path: path.join(root, 'docs', 'images', run.image), fullPage: true });
    await page.close();
    console.log(`${line} -> docs/images/${run.image}`);
  }
} finally {
  await browser.close();
}
