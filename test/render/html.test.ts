// The HTML report in real headless Chromium: `rssdoctor demo --html`, a 24-hour recording
// through `rssdoctor report --html`, and `rssdoctor tune --html`. Each page logs no console
// or page errors, every plot has drawn pixels, and a screenshot is kept in test-artifacts/.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { runCli } from '../support/cli.js';
import { chromiumSkip, launchChromium, openAndCheck, type PageCheck } from '../support/chromium.js';
import { repoRoot } from '../support/paths.js';

const skip = chromiumSkip();
let browser: Browser;
const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-html-'));

before(async () => {
  if (skip === false) browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

function assertDrawn(check: PageCheck, plots: string[]): void {
  assert.deepEqual(check.errors, []);
  assert.deepEqual(check.requests, [], 'the page fetched something: it must work offline');
  assert.deepEqual(
    check.canvases.map((canvas) => canvas.id),
    plots,
  );
  for (const canvas of check.canvases) {
    // Axes alone are a few hundred pixels; a drawn series or area is thousands.
    assert.ok(
      canvas.drawn > 0.01 * canvas.pixels,
      `${canvas.id}: ${canvas.drawn} of ${canvas.pixels}`,
    );
  }
}

// Issue 20: legends read "s: --" and "live data:" with nothing after the colon until the
// cursor hovered. With no cursor each now shows the last value with its unit, and time is
// the wall clock with the time since start.
function assertLegends(check: PageCheck, plots: string[]): void {
  assert.deepEqual(
    check.legends.map((legend) => legend.id),
    plots,
  );
  for (const { id, text } of check.legends) {
    assert.doesNotMatch(text, /--/, `${id}: ${text}`);
    assert.match(text, /time\s*end \d{1,2}:\d{2}:\d{2}.*\(\+[\d:]+\)/, `${id}: ${text}`);
    if (id !== 'plot-markers') assert.match(text, /\d+\.\d MiB \(last\)/, `${id}: ${text}`);
    else assert.match(text, /forced full GC\s*\d+ in all/, `${id}: ${text}`);
  }
}

test(
  'demo --html: one offline file, every plot drawn in Chromium, no errors',
  { skip },
  async () => {
    const file = path.join(dir, 'demo.html');
    const result = await runCli(
      [
        'demo',
        '--runtime',
        'node',
        '--duration',
        '12',
        '--interval',
        '0.5',
        '--html',
        file,
        '--out',
        path.join(dir, 'demo.ndjson'),
      ],
      { timeoutMs: 60_000 },
    );
    assert.equal(result.code, 0, result.stderr);
    const html = readFileSync(file, 'utf8');
    // Self-contained: uPlot inlined, no external script or style (openAndCheck also fails
    // on any request beyond the file itself).
    assert.ok(!/<script[^>]+src=|<link[^>]+href=/.test(html), 'an external script or style');
    assert.ok(html.includes('var uPlot='), 'uPlot is inlined');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    // A projection (a leak toward a limit) is drawn too when the report has one.
    const projected = html.includes('"projection":{');
    const plots = [
      'plot-memory',
      'plot-markers',
      'plot-live',
      ...(projected ? ['plot-projection'] : []),
    ];
    const check = await openAndCheck(browser, file, 'html-demo');
    assertDrawn(check, plots);
    assertLegends(check, plots);
    // One definition of live: the page says what the charts' live data is, and the
    // breakdown's liveHeap says it is something else.
    assert.match(html, /Live data on these charts: live data \(what survives a full GC/);
    assert.match(html, /the V8 heap in use at the end/);
  },
);

test('a 24-hour recording at 1 Hz: under 2 MB of HTML, drawn in Chromium', { skip }, async () => {
  const { writeDayRecording } = (await import(
    path.join(repoRoot, 'bench', 'day-recording.mjs')
  )) as {
    writeDayRecording: (file: string) => string;
  };
  const recording = writeDayRecording(path.join(dir, 'day.ndjson'));
  const file = path.join(dir, 'day.html');
  const result = await runCli(['report', recording, '--html', file]);
  assert.equal(result.code, 0, result.stderr);
  assert.ok(statSync(file).size < 2 * 1024 * 1024, `${statSync(file).size} bytes`);
  const check = await openAndCheck(browser, file, 'html-day');
  // The day's leak is projected toward the machine's memory, drawn as its own plot.
  const plots = ['plot-memory', 'plot-markers', 'plot-live', 'plot-projection'];
  assertDrawn(check, plots);
  assertLegends(check, plots);
  // A day: the legend's time since start has hours.
  assert.match(check.legends[0]!.text, /\(\+2[34]:\d{2}:\d{2}\)/, check.legends[0]!.text);
});

test('tune --html: RSS against CPU, one point per setting, drawn', { skip }, async () => {
  const file = path.join(dir, 'tune.html');
  const result = await runCli(
    [
      'tune',
      '--demo',
      'node',
      '--vary',
      'NODE_OPTIONS=--max-semi-space-size=1|--max-semi-space-size=32',
    ].concat(['--repeat', '1', '--messages', '3000', '--html', file]),
    { timeoutMs: 90_000 },
  );
  assert.equal(result.code, 0, result.stderr);
  assertDrawn(await openAndCheck(browser, file, 'html-tune'), ['plot-scatter']);
  assert.match(readFileSync(file, 'utf8'), /max-semi-space-size=32/);
});

test('compare --html: both runs on one chart from their start, drawn', { skip }, async () => {
  const file = path.join(dir, 'compare.html');
  const recordings = path.join(repoRoot, 'test', 'fixtures', 'recordings');
  const result = await runCli([
    'compare',
    path.join(recordings, 'node-leak.ndjson'),
    path.join(recordings, 'node-steady.ndjson'),
    '--html',
    file,
  ]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assertDrawn(await openAndCheck(browser, file, 'html-compare'), ['plot-rss', 'plot-live']);
  assert.match(readFileSync(file, 'utf8'), /<h1>improved<\/h1>/);
});
